"""pattern-selector on a MkDocs site, with no page edited.

Two lines in mkdocs.yml:

    hooks: [node_modules/@dstudio/pattern-selector/dist/mkdocs/patsel_hook.py]
    extra: { patsel: {} }

and the hook

- serves the package (the elements, the engine, the catalog) from the
  built site, under `patsel/`; nothing is copied into docs/;
- puts a script and a stylesheet on every page; the script loads the
  elements when a page holds one (also a page reached by Material's instant
  navigation) and hands links inside them to instant navigation;
- puts the tier banner (<patsel-card>) at the top and the related patterns
  (<patsel-related>, under a "Related patterns" heading) at the end of
  every page that is a pattern of the catalog: a page whose front matter has
  `patsel_id`, else whose id (front matter `id`, else its file name) is a
  pattern's id or one of its aliases. Other pages get nothing.
  `patsel: false` in a page's front matter leaves it alone; `patsel: [card]`
  picks its widgets;
- expands markers for other elements, anywhere in a page:
  `<!-- patsel explorer -->`, `<!-- patsel tree tree="distributed-transactions" -->`;
- on a page that holds elements, asks for their code (and site.json, and
  the file of a banner's pattern) with the page: `<link rel="modulepreload">`
  and `<link rel="preload">` in <head>;
- writes `patsel/site.json` next to the catalog: the page of each pattern
  the site has, so every pattern link inside every widget goes to one of
  the site's own pages; a pattern without a page is shown as text.

Options, all optional, under `extra: patsel:` in mkdocs.yml:

    widgets: [card, related]   # what a pattern page gets
    related_heading: Related patterns
    catalog: path/to/catalog.json   # the site's own (patsel build); a
                                    # patterns/ folder of shards and a
                                    # search-catalog.json beside it are
                                    # served too
    path: patsel               # where the package is served in the site

MkDocs events used: on_config, on_files, on_page_markdown, on_post_page,
on_post_build. Python's standard library and MkDocs' own API only
(mkdocs.utils.meta.get_data); written for MkDocs 1.4 (Debian 12) and the
APIs later releases keep. See docs/mkdocs.md.
"""

import html
import json
import logging
import os
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

log = logging.getLogger("mkdocs.hooks.patsel")

# The package: this file sits in <package>/dist/mkdocs/.
PACKAGE = Path(__file__).resolve().parent.parent
DEFAULT_WIDGETS = ["card", "related"]
KNOWN_WIDGETS = {"card", "related"}
# Files of the package a site does not serve.
NOT_SERVED = {"demo", "pattern-selector-offline.html", "mkdocs"}
MARKER = re.compile(r"<!--\s*patsel\s+([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9-]*=\"[^\"<>]*\")*)\s*-->")
ATTRIBUTE = re.compile(r"([a-z][a-z0-9-]*)=\"([^\"<>]*)\"")
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"((`+).+?\2)")
# Elements in a built page (in code they are escaped: &lt;patsel-...).
ELEMENT_TAG = re.compile(r"<(patsel-[a-z][a-z0-9-]*)[\s>/]")
CARD_TAG = re.compile(r"<patsel-card(\s[^>]*)>")

_site = {}


def _slug(text):
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def _options(config):
    options = (config.get("extra") or {}).get("patsel")
    if options in (None, True):
        options = {}
    if not isinstance(options, dict):
        raise PluginError("extra.patsel: expected a mapping of options (or nothing), e.g. `patsel: {}`")
    unknown = set(options) - {"widgets", "related_heading", "catalog", "path"}
    if unknown:
        raise PluginError(f"extra.patsel: unknown option(s) {', '.join(sorted(unknown))}")
    widgets = options.get("widgets", DEFAULT_WIDGETS)
    if not isinstance(widgets, list) or not set(widgets) <= KNOWN_WIDGETS:
        raise PluginError(f"extra.patsel.widgets: a list of {', '.join(sorted(KNOWN_WIDGETS))}")
    path = str(options.get("path", "patsel")).strip("/")
    if not re.fullmatch(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*", path) or ".." in path.split("/"):
        raise PluginError(f"extra.patsel.path: '{path}' is not a folder of the site")
    return {
        "widgets": widgets,
        "related_heading": str(options.get("related_heading", "Related patterns")),
        "catalog": options.get("catalog"),
        "path": path,
    }


def on_config(config, **kwargs):
    """Reads the options and the catalog: ids, aliases and titles of its patterns."""
    options = _options(config)
    if not (PACKAGE / "bundle" / "elements.js").is_file():
        raise PluginError(f"pattern-selector: no package next to the hook (looked for {PACKAGE / 'bundle' / 'elements.js'})")
    if options["catalog"]:
        catalog_file = Path(config["config_file_path"] or ".").resolve().parent / options["catalog"]
    else:
        catalog_file = PACKAGE / "catalog.json"
    try:
        catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
        patterns = [p for p in catalog["patterns"] if isinstance(p, dict) and isinstance(p.get("id"), str)]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PluginError(f"extra.patsel.catalog: cannot read a catalog from {catalog_file}: {error}")
    ids = {p["id"] for p in patterns}
    aliases = {}
    for p in patterns:
        for alias in p.get("aliases") or []:
            if isinstance(alias, str) and _slug(alias) not in ids:
                aliases.setdefault(_slug(alias), p["id"])
    _site.clear()
    _site.update(options=options, catalog_file=catalog_file, content_hash=catalog.get("content_hash"),
                 custom=bool(options["catalog"]), ids=ids, aliases=aliases, pages={}, page_of_src={},
                 tiers={p["id"]: p["tier"] for p in patterns if isinstance(p.get("tier"), str)},
                 imports=_bundle_imports(), shards=(catalog_file.parent / "patterns").is_dir())
    return config


def _bundle_imports():
    """bundle/imports.json: entry -> the package files it loads first (see _preloads)."""
    path = PACKAGE / "bundle" / "imports.json"
    try:
        imports = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        imports = error
    if isinstance(imports, dict) and all(isinstance(files, list) for files in imports.values()):
        return imports
    log.warning("pattern-selector: %s not read (%s); pages load their elements without preload links", path, imports)
    return {}


def _page_choice(meta, src_uri):
    """(pattern id or None, widgets) for a page, from its front matter and its file name."""
    choice = meta.get("patsel", True)
    if choice is False:
        return None, []
    widgets = _site["options"]["widgets"]
    if isinstance(choice, str):
        choice = [choice]
    if isinstance(choice, list):
        widgets = [w for w in choice if w in KNOWN_WIDGETS]
        unknown = [w for w in choice if w not in KNOWN_WIDGETS]
        if unknown:
            log.warning("%s: patsel: unknown widget(s) %s (known: %s)", src_uri, ", ".join(map(str, unknown)), ", ".join(sorted(KNOWN_WIDGETS)))
    explicit = meta.get("patsel_id")
    if explicit is not None:
        if explicit not in _site["ids"]:
            log.warning("%s: patsel_id '%s' is not a pattern of the catalog", src_uri, explicit)
            return None, []
        return explicit, widgets
    page_id = meta.get("id") if isinstance(meta.get("id"), str) else None
    if page_id is None:
        stem = posixpath.splitext(posixpath.basename(src_uri))[0]
        page_id = posixpath.basename(posixpath.dirname(src_uri)) if stem.lower() in ("index", "readme") else stem
    page_id = _slug(page_id)
    if page_id in _site["ids"]:
        return page_id, widgets
    if page_id in _site["aliases"]:
        return _site["aliases"][page_id], widgets
    return None, []


def on_files(files, config, **kwargs):
    """Finds the site's pattern pages (front matter read with MkDocs' own reader) and the URL of each."""
    ranked = []
    for file in files:
        if not file.is_documentation_page():
            continue
        try:
            if getattr(file, "abs_src_path", None):
                text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            else:
                text = file.content_string
            _, meta = get_data(text)
        except Exception as error:  # an unreadable page is MkDocs' to report
            log.debug("%s: front matter not read: %s", file.src_uri, error)
            continue
        pattern, widgets = _page_choice(meta or {}, file.src_uri)
        if pattern is None:
            continue
        _site["page_of_src"][file.src_uri] = (pattern, widgets)
        # An explicit patsel_id wins over a file name, which wins over an alias.
        rank = 0 if (meta or {}).get("patsel_id") else 1 if _slug(posixpath.splitext(posixpath.basename(file.src_uri))[0]) == pattern else 2
        ranked.append((rank, file.src_uri, pattern, file.url))
    for rank, src_uri, pattern, url in sorted(ranked):
        if pattern in _site["pages"]:
            log.info("%s is about %s too; its links go to %s", src_uri, pattern, _site["pages"][pattern])
            continue
        _site["pages"][pattern] = url
    return files


def _element(name, attributes):
    text = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in attributes)
    # How much room a banner takes depends on its tier (patsel.css keeps it while it loads).
    tier = _site["tiers"].get(dict(attributes).get("pattern")) if name == "card" else None
    data = f' data-tier="{html.escape(tier, quote=True)}"' if tier else ""
    return f'<div class="patsel-widget patsel-{name}-widget"{data}>\n<patsel-{name}{text}></patsel-{name}>\n</div>'


def _expand_markers(markdown, src_uri):
    """`<!-- patsel explorer -->` and the like, outside code (fenced or `inline`), as elements."""
    known = {path.stem[len("patsel-"):] for path in (PACKAGE / "elements").glob("patsel-*.js")}

    def element(match):
        name = match.group(1)
        if name not in known:
            log.warning("%s: <!-- patsel %s --> names no element of the package (known: %s)", src_uri, name, ", ".join(sorted(known)))
        return "\n\n" + _element(name, ATTRIBUTE.findall(match.group(2))) + "\n\n"

    lines, fenced, out = markdown.split("\n"), None, []
    for line in lines:
        fence = FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else fenced or fence.group(1)
            out.append(line)
            continue
        if fenced or "patsel" not in line:
            out.append(line)
            continue
        # Split into text and code spans: re.split with two groups gives text, span, ticks, text ...
        parts = CODE_SPAN.split(line)
        out.append("".join(part if i % 3 else MARKER.sub(element, part) for i, part in enumerate(parts) if i % 3 != 2))
    return "\n".join(out)


def on_page_markdown(markdown, page, config, files, **kwargs):
    """The banner first (after a `# Title` if the page starts with one), the related patterns last, markers expanded."""
    markdown = _expand_markers(markdown, page.file.src_uri)
    chosen = _site["page_of_src"].get(page.file.src_uri)
    if not chosen:
        return markdown
    pattern, widgets = chosen
    if "card" in widgets:
        card = _element("card", [("pattern", pattern)])
        first = re.match(r"\s*# [^\n]*\n", markdown)
        at = first.end() if first else 0
        markdown = f"{markdown[:at]}\n{card}\n\n{markdown[at:]}"
    if "related" in widgets:
        heading = _site["options"]["related_heading"]
        markdown = f"{markdown.rstrip()}\n\n## {heading}\n\n{_element('related', [('pattern', pattern)])}\n"
    return markdown


def _to_root(page_url):
    folder = page_url if page_url.endswith("/") or page_url == "" else posixpath.dirname(page_url)
    depth = len([part for part in folder.split("/") if part not in ("", ".")])
    return "../" * depth


def _preloads(output, base):
    """<link>s for what the elements of a page load before they show
    anything, so the browser asks for all of it with the page instead of one
    level after another (the loader, site.json, an element's entry, its
    chunks, a pattern's file): modulepreload for the code (bundle/imports.json
    lists each entry's files), preload for site.json and the file of each
    pattern a banner shows. Nothing for a page without elements."""
    imports = _site["imports"]
    entries = [f"{tag}.js" for tag in sorted(set(ELEMENT_TAG.findall(output))) if f"{tag}.js" in imports]
    if not entries:
        return ""
    modules = ["index.js"]  # the loader imports the JS API and links.js itself
    for entry in ["links.js", *entries]:
        modules += [file for file in imports.get(entry, []) if file not in modules]
    fetched = ["site.json"]
    if _site["shards"]:
        # A banner of the site's catalog reads its pattern's file (one with a catalog of its own does not).
        cards = [dict(ATTRIBUTE.findall(attributes)) for attributes in CARD_TAG.findall(output)]
        patterns = {card.get("pattern") for card in cards if "catalog" not in card}
        fetched += [f"patterns/{pattern}.json" for pattern in sorted(patterns & _site["ids"]) if re.fullmatch(r"[a-z0-9-]+", pattern)]
    href = lambda file: html.escape(f"{base}{file}", quote=True)
    return ("".join(f'<link rel="modulepreload" href="{href(file)}">' for file in modules)
            + "".join(f'<link rel="preload" href="{href(file)}" as="fetch" crossorigin>' for file in fetched))


def on_post_page(output, page, config, **kwargs):
    """Every page: the stylesheet and the loader, in <head>; on a page with
    elements, what they load first is asked for with the page."""
    base = f"{_to_root(page.url)}{_site['options']['path']}/"
    tags = (_preloads(output, base)
            + f'<link rel="stylesheet" href="{base}mkdocs/patsel.css">'
            f'<script src="{base}mkdocs/loader.js" defer></script>')
    at = output.find("</head>")
    return output if at < 0 else f"{output[:at]}{tags}{output[at:]}"


def _copy_search_catalog(catalog_file, content_hash, target):
    """What the explorer searches, in place of the package's (which lists the
    package's patterns): the site's search catalog (patsel search-catalog)
    if one of this very catalog (its content_hash) sits beside it, else the
    catalog itself."""
    own = catalog_file.parent / "search-catalog.json"
    source = catalog_file
    if own.is_file():
        try:
            same = json.loads(own.read_text(encoding="utf-8")).get("content_hash") == content_hash
        except (OSError, ValueError, AttributeError):
            same = False
        if same:
            source = own
        else:
            log.warning("pattern-selector: %s is not cut from %s (content_hash differs); run "
                        "`patsel search-catalog` again. The explorer searches the whole catalog meanwhile.",
                        own, catalog_file)
    shutil.copyfile(source, target / "search-catalog.json")


def on_post_build(config, **kwargs):
    """The package under <site>/patsel/, the site's catalog (if its own) and site.json."""
    target = Path(config["site_dir"]) / _site["options"]["path"]
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(PACKAGE, target, ignore=lambda folder, names: [n for n in names if Path(folder) == PACKAGE and n in NOT_SERVED])
    shutil.copytree(PACKAGE / "mkdocs", target / "mkdocs", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    site = {"root": "../" * len(_site["options"]["path"].split("/")), "pages": dict(sorted(_site["pages"].items())),
            # The loader loads each element a page holds from bundle/<tag>.js.
            "elements": sorted(path.stem for path in (PACKAGE / "bundle").glob("patsel-*.js"))}
    if _site["custom"]:
        shutil.copyfile(_site["catalog_file"], target / "catalog.json")
        _copy_search_catalog(_site["catalog_file"], _site["content_hash"], target)
        # The explorer's precomputed opening answers are the shipped catalog's:
        # none (null) tells it to wait for the engine instead.
        (target / "explorer-opening-answers.js").write_text("export default null;\n", encoding="utf-8")
        shutil.rmtree(target / "patterns", ignore_errors=True)
        shards = _site["catalog_file"].parent / "patterns"
        if shards.is_dir():
            shutil.copytree(shards, target / "patterns")
        else:
            site["catalog"] = "catalog.json"  # no shards: every element asks the engine
    (target / "site.json").write_text(json.dumps(site, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log.info("pattern-selector: %d pattern pages; package served from %s/", len(_site["pages"]), _site["options"]["path"])
