; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include).
; The uninstaller keeps the reader's library (articles, bookmarks, settings in
; %APPDATA%\Heitu Reader) unless they say to delete it. Never asked during an update or a silent
; uninstall, where the library always stays.
!macro customUnInstall
  ${ifNot} ${isUpdated}
  ${andIfNot} ${Silent}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
      "Also delete your Heitu Reader library (articles, bookmarks and settings)?$\r$\n$\r$\n\
      It is kept in $APPDATA\Heitu Reader.$\r$\n\
      Choose No to keep it for a later installation.$\r$\n$\r$\n\
      同時刪除黑土閱讀的資料庫（文章、收藏與設定）嗎？選「否」則保留。" \
      /SD IDNO IDNO keepLibrary
    SetShellVarContext current
    RMDir /r "$APPDATA\Heitu Reader"
    keepLibrary:
  ${endIf}
!macroend
