// Loads pattern-selector's elements on every page of a MkDocs site.
// MkDocs 1.4's extra_javascript cannot add type="module", so this classic
// script imports the module itself. The package sits in <site>/patsel/ and
// this file in <site>/javascripts/, so the import is resolved against this
// script's own URL: right at every page depth and under any base path.
(function () {
  var script = document.currentScript;
  if (!script || window.__patselLoader) return;
  window.__patselLoader = true;
  var elements = new URL('../patsel/elements/index.js', script.src).href;
  import(elements).catch(function (error) {
    console.error('pattern-selector: the elements could not be loaded from ' + elements, error);
  });

  // Links inside the elements live in shadow roots, where Material's instant
  // navigation does not see them (a click's target is the element). A plain
  // click on such a same-site link is passed on to a light-DOM link, which
  // instant navigation handles (or, without it, the browser follows as usual).
  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var path = event.composedPath();
    var link = null;
    for (var i = 0; i < path.length && path[i] !== document; i++) {
      if (path[i] instanceof HTMLAnchorElement && path[i].hasAttribute('href')) { link = path[i]; break; }
    }
    if (!link || link.getRootNode() === document || link.target || link.hasAttribute('download')) return;
    if (new URL(link.href).origin !== location.origin) return;
    event.preventDefault();
    var proxy = document.createElement('a');
    proxy.href = link.href;
    proxy.hidden = true;
    document.body.appendChild(proxy);
    proxy.click();
    proxy.remove();
  }, true);
})();
