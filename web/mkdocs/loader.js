// pattern-selector on a MkDocs site: the script the hook (patsel_hook.py)
// puts in the <head> of every page, as a classic deferred script (MkDocs 1.4
// cannot mark a script as a module). It sits in <site>/patsel/mkdocs/, so
// the package is one folder up, at every page depth and under any base path.
//
// - It loads an element only when a page holds one, and only that one (the
//   bundled entry bundle/<tag>.js; a pattern page needs its card and
//   related list, not the explorer): at once, or when Material's instant
//   navigation swaps in a page that holds it (custom elements in swapped-in
//   content upgrade by themselves once defined).
// - Before that it reads site.json, written by the hook next to the
//   catalog: the elements the package has, the site's page of each pattern
//   (links.js, bundled), so every pattern link goes to a page of this site;
//   and, for a site catalog without per-pattern files, that catalog. Without
//   site.json it loads every element (bundle/elements.js).
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
  var preparing = null;
  var requested = {};  // tag -> true once asked for

  function readSite() {
    return fetch(new URL('site.json', base)).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    }).catch(function (error) {
      console.warn('pattern-selector: site.json could not be read (' + error.message + '); pattern links use base-url');
      return null;
    });
  }

  // site.json read, and the page map and catalog set, before any element loads.
  function prepare() {
    if (!preparing) {
      preparing = Promise.all([readSite(), import(new URL('bundle/links.js', base).href), import(new URL('index.js', base).href)])
        .then(function (parts) {
          var site = parts[0];
          if (site && site.pages) parts[1].setPatternPages(site.pages, { base: new URL(site.root || '../', base).href });
          if (site && site.catalog) parts[2].configure({ catalog: new URL(site.catalog, base).href });
          return site;
        });
    }
    return preparing;
  }

  // Loads the elements named `tags` that are not asked for yet.
  function load(tags) {
    var fresh = tags.filter(function (tag) { return !requested[tag]; });
    if (!fresh.length) return;
    fresh.forEach(function (tag) { requested[tag] = true; });
    prepare().then(function (site) {
      var known = site && Array.isArray(site.elements) ? site.elements : null;
      if (!known) return import(new URL('bundle/elements.js', base).href);
      return Promise.all(fresh.filter(function (tag) { return known.indexOf(tag) >= 0; })
        .map(function (tag) { return import(new URL('bundle/' + tag + '.js', base).href); }));
    }).catch(function (error) {
      console.error('pattern-selector: the elements could not be loaded from ' + base.href, error);
    });
  }

  // The names of the pattern-selector elements not defined yet in `root` (and `root` itself).
  function waitingIn(root) {
    var tags = [];
    var add = function (node) {
      var name = node.localName;
      if (name.indexOf('patsel-') === 0 && !customElements.get(name) && tags.indexOf(name) < 0) tags.push(name);
    };
    add(root);
    var waiting = root.querySelectorAll(':not(:defined)');
    for (var i = 0; i < waiting.length; i++) add(waiting[i]);
    return tags;
  }

  function watch() {
    load(waitingIn(document.documentElement));
    // Pages swapped in later (Material's instant navigation) may hold others.
    new MutationObserver(function (records) {
      var tags = [];
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) tags = tags.concat(waitingIn(node));
        });
      });
      load(tags);
    }).observe(document.body, { childList: true, subtree: true });
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
