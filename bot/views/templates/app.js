// The Mini App's only script: Telegram hands initData to the page in the URL's fragment
// (#tgWebAppData=...), which never reaches a server. Post it, with the theme's colours, to
// /app, where the server checks it and answers with the page itself (which has no script).
(function () {
  var hash = new URLSearchParams(window.location.hash.slice(1));
  var form = document.getElementById("open");
  form.elements.init_data.value = hash.get("tgWebAppData") || "";
  form.elements.theme.value = hash.get("tgWebAppThemeParams") || "";
  form.submit();
})();
