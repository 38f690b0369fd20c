// Language tabs and a picture preview. Everything works without this file: the four
// language panels are then shown one below the other.
document.addEventListener('DOMContentLoaded', function () {
  var tabs = document.querySelector('.lang-tabs');
  if (tabs) {
    var panels = document.querySelectorAll('.lang-panel');
    var buttons = tabs.querySelectorAll('[role=tab]');
    var show = function (lang) {
      panels.forEach(function (p) { p.hidden = p.dataset.lang !== lang; });
      buttons.forEach(function (b) {
        var on = b.dataset.lang === lang;
        b.setAttribute('aria-selected', on ? 'true' : 'false');
        b.tabIndex = on ? 0 : -1;
        b.classList.toggle('active', on);
      });
    };
    tabs.hidden = false;
    document.querySelectorAll('.lang-heading').forEach(function (h) { h.hidden = true; });
    buttons.forEach(function (b, i) {
      b.addEventListener('click', function () { show(b.dataset.lang); });
      b.addEventListener('keydown', function (e) {
        var step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        var next = buttons[(i + step + buttons.length) % buttons.length];
        show(next.dataset.lang);
        next.focus();
      });
    });
    // A panel with a problem opens first.
    var bad = document.querySelector('.lang-panel .is-invalid');
    show(bad ? bad.closest('.lang-panel').dataset.lang : 'de');
  }
  document.querySelectorAll('input[type=file][data-preview]').forEach(function (input) {
    input.addEventListener('change', function () {
      var img = document.getElementById(input.dataset.preview);
      if (img && input.files && input.files[0]) {
        img.src = URL.createObjectURL(input.files[0]);
        img.hidden = false;
      }
    });
  });
});
