import './components/heitu-app.ts';
