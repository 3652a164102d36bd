/*
 * The site's search worker: speaks Material's worker protocol (SETUP, READY, QUERY, RESULT),
 * so Material's search box, result list and keyboard navigation stay as they are, but reads
 * the index sharded by character pair that scripts/parkdigest/site/search.py writes, instead
 * of Material's whole index: a query fetches the shards of its pairs and the records of the
 * results shown first, a few dozen kB however large the archive.
 *
 * Matching is verbatim: a part of n characters is at position p of a page when the pairs
 * covering it (offsets 0, 2, 4 … and n-2) are at p, p+2, … (each pair's positions are in
 * its shard). Pages rank by the parts they contain, the parts in their title or tags, how
 * often the parts occur, then newest first (page ids are given newest first).
 */
"use strict"

importScripts("../pd-search-common.js")

/* Material's SearchMessageType */
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

const INDEX = "../../../search/pd/"
/* Results drawn fully before the list is shown: Material shows the first ten at once and
   later ones four at a time as the reader scrolls; the page fills those (pd-search-page.js) */
const FIRST_RESULTS = 10
/* How a later result names its page until the page fills it in */
const PENDING_PARAMETER = "pd-doc"

let manifest = null
let latest = 0  /* number of the last query received: older answers are dropped */
const shards = new Map()   /* shard number -> Promise of its text */
const records = new Map()  /* page id -> Promise of its record */

function fetchText(url) {
  return fetch(new URL(url, location.href)).then(response => {
    if (!response.ok)
      throw new Error(`${url}: ${response.status}`)
    return response.text()
  })
}

function loadManifest() {
  if (!manifest)
    manifest = fetchText(INDEX + "manifest.json").then(JSON.parse)
  return manifest
}

/* FNV-1a over the pair's code points (search.py pair_hash) */
function pairHash(pair) {
  let h = 2166136261
  for (const ch of pair)
    h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0
  return h
}

function loadShard(number) {
  if (!shards.has(number))
    shards.set(number, fetchText(`${INDEX}t/${number.toString(36)}.txt`))
  return shards.get(number)
}

function loadRecord(id) {
  if (!records.has(id))
    records.set(id, fetchText(`${INDEX}d/${id}.json`).then(JSON.parse))
  return records.get(id)
}

/* A pair's pages: Map page id -> ascending positions */
function readPostings(text, pair) {
  const postings = new Map()
  const start = text.indexOf("\n" + pair + "\t")
  if (start === -1)
    return postings
  const from = start + pair.length + 2
  const line = text.slice(from, text.indexOf("\n", from))
  let id = 0
  for (const entry of line.split(";")) {
    const colon = entry.indexOf(":")
    id += parseInt(entry.slice(0, colon), 36)
    let position = 0
    const positions = entry.slice(colon + 1).split(",").map(delta => (position += parseInt(delta, 36)))
    postings.set(id, positions)
  }
  return postings
}

/* The pairs that cover a part, with their offsets: 0, 2, 4 … and the last */
function coverPairs(part) {
  const chars = [...part]
  const cover = []
  for (let at = 0; at + 1 < chars.length; at += 2)
    cover.push(at)
  if (chars.length > 2 && chars.length % 2 === 1)
    cover.push(chars.length - 2)
  return cover.map(at => ({ at, pair: chars[at] + chars[at + 1] }))
}

/* Where a part occurs verbatim: Map page id -> {count, inHead} */
function matchPart(cover, postingsOf, bodyOffset) {
  const [first, ...rest] = cover
  const matches = new Map()
  for (const [id, starts] of postingsOf.get(first.pair)) {
    const others = rest.map(({ at, pair }) => ({ at, positions: postingsOf.get(pair).get(id) }))
    if (others.some(other => !other.positions))
      continue
    const sets = others.map(other => ({ at: other.at, positions: new Set(other.positions) }))
    let count = 0, inHead = false
    for (const p of starts)
      if (sets.every(({ at, positions }) => positions.has(p + at))) {
        count++
        inHead = inHead || p < bodyOffset
      }
    if (count)
      matches.set(id, { count, inHead })
  }
  return matches
}

async function search(query) {
  const { body, shards: shardCount } = await loadManifest()
  /* Parts of one character have no pair: they are not searched */
  const parts = ParkSearch.splitQuery(query).filter(part => [...part].length >= 2)
  const covers = parts.map(coverPairs)
  const pairs = [...new Set(covers.flat().map(({ pair }) => pair))]
  const texts = await Promise.all(pairs.map(pair => loadShard(pairHash(pair) % shardCount)))
  const postingsOf = new Map(pairs.map((pair, i) => [pair, readPostings(texts[i], pair)]))

  const scores = new Map()  /* page id -> {found, inHead, count} */
  for (const cover of covers)
    for (const [id, match] of matchPart(cover, postingsOf, body)) {
      const score = scores.get(id) || { found: 0, inHead: 0, count: 0 }
      score.found++
      score.inHead += match.inHead ? 1 : 0
      score.count += match.count
      scores.set(id, score)
    }
  const ranked = [...scores].sort(([a, x], [b, y]) =>
    y.found - x.found || y.inHead - x.inHead || y.count - x.count || a - b)
  const shown = await Promise.all(ranked.slice(0, FIRST_RESULTS).map(([id]) => loadRecord(id)))
  const items = ranked.map(([id], rank) => {
    const score = ranked.length - rank  /* Material's Enter opens the highest score */
    if (rank < FIRST_RESULTS)
      return [ParkSearch.makeItem(shown[rank], parts, score)]
    return [{ location: `?${PENDING_PARAMETER}=${id}`, title: "…", text: "", terms: {}, score }]
  })
  return { items }
}

addEventListener("message", async ev => {
  const message = ev.data
  if (message.type === SETUP) {
    loadManifest().catch(() => {})  /* a few bytes, so the first query waits for its shards only */
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const number = ++latest
    let result
    try {
      result = await search(message.data)
    } catch (error) {
      console.error("search:", error)
      result = { items: [] }
    }
    if (number === latest)  /* a newer query is on its way: its answer is the one to show */
      postMessage({ type: RESULT, data: result })
  }
})
