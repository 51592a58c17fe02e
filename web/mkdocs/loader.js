// pattern-selector on a MkDocs site: the script the hook (patsel_hook.py)
// puts in the <head> of every page, as a classic deferred script (MkDocs 1.4
// cannot mark a script as a module). It sits in <site>/patsel/mkdocs/, so
// the package is one folder up, at every page depth and under any base path.
//
// - It loads the elements only when a page holds one: at once, or when
//   Material's instant navigation swaps in a page that does (custom
//   elements in swapped-in content upgrade by themselves once defined).
// - Before that it reads site.json, written by the hook next to the
//   catalog: the site's page of each pattern (links.js, bundled), so every
//   pattern link goes to a page of this site; and, for a site catalog without
//   per-pattern files, that catalog.
// - With Material's instant navigation on, a link followed inside an element
//   (the elements' `patsel-navigate` event) is handed to it the way Material
//   expects links: as a click on a link of the page, which Material
//   intercepts (a click inside a shadow root never reaches it as a link).
//   Material then fetches the page and swaps it in without a reload, or, for
//   a URL not in its sitemap, lets the browser follow the link as usual.
//   Without instant navigation links stay plain links.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__patselMkdocs) return;
  window.__patselMkdocs = true;
  var base = new URL('../', script.src);  // <site>/patsel/
  var loading = null;

  function readSite() {
    return fetch(new URL('site.json', base)).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    }).catch(function (error) {
      console.warn('pattern-selector: site.json could not be read (' + error.message + '); pattern links use base-url');
      return null;
    });
  }

  function load() {
    if (!loading) {
      loading = Promise.all([readSite(), import(new URL('bundle/links.js', base).href), import(new URL('index.js', base).href)])
        .then(function (parts) {
          var site = parts[0];
          if (site && site.pages) parts[1].setPatternPages(site.pages, { base: new URL(site.root || '../', base).href });
          if (site && site.catalog) parts[2].configure({ catalog: new URL(site.catalog, base).href });
          return import(new URL('bundle/elements.js', base).href);
        })
        .catch(function (error) {
          console.error('pattern-selector: the elements could not be loaded from ' + base.href, error);
        });
    }
    return loading;
  }

  function holdsElements() {
    var waiting = document.querySelectorAll(':not(:defined)');
    for (var i = 0; i < waiting.length; i++) if (waiting[i].localName.indexOf('patsel-') === 0) return true;
    return false;
  }

  function watch() {
    if (holdsElements()) {
      load();
      return;
    }
    var observer = new MutationObserver(function () {
      if (!holdsElements()) return;
      observer.disconnect();
      load();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }

  function instantNavigation() {
    if (!window.document$ || !window.location$) return false;  // Material's application is not running
    try {
      var config = JSON.parse(document.getElementById('__config').textContent);
      return Array.isArray(config.features) && config.features.indexOf('navigation.instant') >= 0;
    } catch (error) {
      return false;
    }
  }

  document.addEventListener('patsel-navigate', function (event) {
    if (event.defaultPrevented || !instantNavigation()) return;
    var url = new URL(event.detail.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    var link = document.createElement('a');
    link.href = url.href;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
})();
