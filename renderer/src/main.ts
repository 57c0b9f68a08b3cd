import './shell/heitu-app.ts';
