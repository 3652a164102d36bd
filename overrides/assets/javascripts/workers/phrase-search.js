/*
 * Phrase-aware ranking for Chinese queries, wrapped around Material's own search worker.
 *
 * Why: Material segments a Chinese query greedily against the words of its index and
 * ORs the pieces as prefixes, dropping the last character (业界共治 becomes 业界* 共*),
 * and ranks any title that starts with one of the pieces above the article that
 * contains the phrase. Readers type phrases, so for a query with Chinese in it the
 * pages that contain the query's parts verbatim come first, best first; when no page
 * contains them, Material's own results are shown unchanged.
 *
 * How: this worker records the index (SETUP) and every query (QUERY) as they arrive,
 * loads Material's worker (named in our URL: ?material=search.<hash>.min.js), and
 * rewrites each RESULT on its way back. Material answers every message in order, so
 * results pair with queries first in, first out.
 */
"use strict"

/* Material's SearchMessageType */
const SETUP = 0
const QUERY = 2
const RESULT = 3

const HAN = /\p{sc=Han}/u
/* Where a query splits into parts: spaces and Chinese or Latin punctuation */
const PART_SEPARATOR = /[\s\u3000\u200b，。、；：？！“”‘’「」『』（）《》【】·…—,.;:?!"'()[\]<>]+/u
/* Material's worker file name: only this shape is loaded (never a URL from elsewhere) */
const MATERIAL_WORKER = /^search\.[0-9a-f]+\.min\.js$/
/* Sections of a page shown under it, as Material does */
const SNIPPET_BLOCKS = 2

const pages = new Map()     /* page location -> {doc, sections: [doc]}, in index order */
const queries = []          /* queries awaiting their result, oldest first */

/* ----------------------------------------------------------------------------
 * Index
 * ------------------------------------------------------------------------- */

function decodeEntities(text) {
  return text
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
    .replace(/&#39;/g, "'").replace(/&amp;/g, "&")
}

function toPlain(html) {
  return decodeEntities(html.replace(/<[^>]*>/g, " ").replace(/\u200b/g, "")).toLowerCase()
}

function prepareDoc(doc) {
  const title = doc.title.replace(/\u200b/g, "")
  const text = doc.text.replace(/\u200b/g, "")
  return {
    doc,
    title,
    text,
    plainTitle: toPlain(title),
    plainText: toPlain(text),
    tags: (doc.tags || []).map(tag => tag.toLowerCase())
  }
}

function recordIndex(docs) {
  pages.clear()
  for (const doc of docs) {
    const path = doc.location.split("#")[0]
    const page = pages.get(path)
    if (page)
      page.sections.push(prepareDoc(doc))
    else
      pages.set(path, { page: prepareDoc(doc), sections: [] })
  }
}

/* ----------------------------------------------------------------------------
 * Matching and ranking
 * ------------------------------------------------------------------------- */

function splitQuery(query) {
  return [...new Set(query.toLowerCase().split(PART_SEPARATOR).filter(Boolean))]
}

function countOccurrences(haystack, needle) {
  let count = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    count++
  return count
}

/* How well a page matches: parts found, parts in its title or tags, occurrences */
function scorePage(entry, parts) {
  const docs = [entry.page, ...entry.sections]
  let found = 0, inTitle = 0, occurrences = 0
  for (const part of parts) {
    let seen = false
    if (entry.page.plainTitle.includes(part) || entry.page.tags.includes(part)) {
      inTitle++
      seen = true
    }
    for (const doc of docs) {
      const count = countOccurrences(doc.plainTitle, part) + countOccurrences(doc.plainText, part)
      occurrences += count
      seen = seen || count > 0
    }
    if (seen)
      found++
  }
  return { found, inTitle, occurrences }
}

function comparePages(a, b) {
  return b.score.found - a.score.found
    || b.score.inTitle - a.score.inTitle
    || b.score.occurrences - a.score.occurrences
    || a.lunrRank - b.lunrRank
    || a.order - b.order
}

/* ----------------------------------------------------------------------------
 * Highlighting
 * ------------------------------------------------------------------------- */

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/* Wrap the parts in <mark>, in text only (never inside a tag) */
function markParts(html, parts) {
  const pattern = new RegExp(parts.map(part => escapeRegExp(escapeHtml(part))).join("|"), "gi")
  return html
    .split(/(<[^>]*>)/)
    .map(piece => piece.startsWith("<") ? piece : piece.replace(pattern, "<mark>$&</mark>"))
    .join("")
}

/* Top-level blocks of an index text (<p>, <ul>, ...), as Material's teaser shows them */
function splitBlocks(html) {
  const blocks = []
  let depth = 0, start = 0
  for (const match of html.matchAll(/<(\/?)[a-z][^>]*>/gi)) {
    const selfClosing = match[0].endsWith("/>")
    if (match[1]) {
      depth--
      if (depth === 0) {
        blocks.push(html.slice(start, match.index + match[0].length))
        start = match.index + match[0].length
      }
    } else if (!selfClosing) {
      if (depth === 0 && match.index > start && html.slice(start, match.index).trim())
        blocks.push(html.slice(start, match.index))
      if (depth === 0)
        start = match.index
      depth++
    }
  }
  if (html.slice(start).trim())
    blocks.push(html.slice(start))
  return blocks
}

function teaser(doc, parts) {
  const blocks = splitBlocks(doc.text)
  const hits = blocks.filter(block => parts.some(part => toPlain(block).includes(part)))
  return markParts((hits.length ? hits : blocks).slice(0, SNIPPET_BLOCKS).join(""), parts)
}

function containsPart(doc, part) {
  return doc.plainTitle.includes(part) || doc.plainText.includes(part) || doc.tags.includes(part)
}

/* Which parts a result has ({part: found}): Material shows the missing ones and
   highlights the found ones on the page it links to (?h=) */
function findTerms(docs, parts) {
  const terms = {}
  for (const part of parts)
    terms[part] = docs.some(doc => containsPart(doc, part))
  return terms
}

function makeItem(doc, parts, score, terms) {
  const item = {
    location: doc.doc.location,
    title: markParts(escapeHtml(doc.title), parts),
    text: teaser(doc, parts),
    score,
    terms
  }
  if (doc.doc.tags)
    item.tags = [...doc.doc.tags]
  return item
}

/* The page first, then its sections that contain a part (Material's group shape) */
function makeGroup(entry, parts, score) {
  const sections = entry.sections.filter(section => parts.some(part => containsPart(section, part)))
  return [
    makeItem(entry.page, parts, score, findTerms([entry.page, ...entry.sections], parts)),
    ...sections.map(section => makeItem(section, parts, score, findTerms([section], parts)))
  ]
}

function rerank(query, result) {
  const parts = splitQuery(query)
  if (!parts.some(part => HAN.test(part)))
    return result

  const lunrRanks = new Map()
  result.items.forEach((group, rank) => lunrRanks.set(group[0].location.split("#")[0], rank))

  const ranked = []
  let order = 0
  for (const [path, entry] of pages) {
    const score = scorePage(entry, parts)
    if (score.found > 0)
      ranked.push({ entry, score, order: order++, lunrRank: lunrRanks.get(path) ?? Infinity })
  }
  if (ranked.length === 0)
    return result

  ranked.sort(comparePages)
  const items = ranked.map(({ entry }, rank) => makeGroup(entry, parts, ranked.length - rank))
  return { ...result, items }
}

/* ----------------------------------------------------------------------------
 * Wiring
 * ------------------------------------------------------------------------- */

addEventListener("message", ev => {
  const message = ev.data
  if (message.type === SETUP)
    recordIndex(message.data.docs)
  else if (message.type === QUERY)
    queries.push(message.data)
})

const postToPage = self.postMessage.bind(self)
self.postMessage = message => {
  if (message && message.type === RESULT)
    message = { ...message, data: rerank(queries.shift() ?? "", message.data) }
  postToPage(message)
}

const material = new URL(location.href).searchParams.get("material") || ""
if (!MATERIAL_WORKER.test(material))
  throw new Error(`phrase-search: unexpected Material worker name '${material}'`)
importScripts(material)
