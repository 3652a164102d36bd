/*
 * The page's side of the site's search (the worker is workers/pd-search.js):
 *
 * 1. Material searches on `keyup` only, so a query composed with an IME or pasted (which
 *    fires `input` and no key) would not be searched: each `input` outside a composition,
 *    and each `compositionend`, is passed on to Material as a keyup.
 * 2. The worker draws the first results fully; later ones arrive as placeholders
 *    (?pd-doc=<id>) that Material renders as the reader scrolls. Each placeholder row is
 *    filled here from its page's record when it appears: link, title, date, snippet, tags.
 */
"use strict"

;(() => {
  const PENDING_PARAMETER = "pd-doc"  /* workers/pd-search.js: <page id>-<chunk> */
  const input = document.querySelector("input[data-md-component=search-query]")
  const list = document.querySelector("[data-md-component=search-result] .md-search-result__list")
  const config = JSON.parse(document.getElementById("__config").textContent)
  const index = new URL("search/pd/", new URL(config.base, location.href))
  if (!input || !list)
    return

  const asKeyup = () => input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  input.addEventListener("input", ev => { if (!ev.isComposing) asKeyup() })
  input.addEventListener("compositionend", asKeyup)

  const records = new Map()
  function loadRecord(id) {
    if (!records.has(id))
      records.set(id, fetch(new URL(`d/${id}.json`, index)).then(response => {
        if (!response.ok)
          throw new Error(`search record ${id}: ${response.status}`)
        return response.json()
      }))
    return records.get(id)
  }

  async function fill(link) {
    const url = new URL(link.href)
    const id = url.searchParams.get(PENDING_PARAMETER)
    if (!/^\d+-\d+$/.test(id || ""))
      return
    const record = await loadRecord(id)
    const parts = ParkSearch.splitQuery(input.value)
    const item = ParkSearch.makeItem(record, parts, 0, {})
    const target = new URL(record.u, new URL(config.base, location.href))
    if (url.searchParams.has("h"))  /* the parts this page has, as Material set them */
      target.searchParams.set("h", url.searchParams.get("h"))
    link.href = `${target}`
    const article = link.querySelector("article")
    article.querySelector("h1").innerHTML = item.title  /* escaped by ParkSearch.markText */
    const tags = item.tags
      ? `<nav class="md-tags">${item.tags.map(tag => `<span class="md-tag md-tag-icon">${tag}</span>`).join("")}</nav>`
      : ""
    article.insertAdjacentHTML("beforeend", item.text + tags)
  }

  new MutationObserver(changes => {
    for (const change of changes)
      for (const node of change.addedNodes)
        if (node.nodeType === Node.ELEMENT_NODE)
          for (const link of node.querySelectorAll(`a[href*="${PENDING_PARAMETER}="]`))
            fill(link).catch(error => console.error(error))
  }).observe(list, { childList: true })
})()
