/*
 * The site's search worker: speaks Material's worker protocol (SETUP, READY, QUERY, RESULT),
 * so Material's search box, result list and keyboard navigation stay as they are, but reads
 * the index sharded by character pair that scripts/parkdigest/site/search.py writes, instead
 * of Material's whole index: a query fetches the shards of its pairs and the records of the
 * results shown first, a few dozen kB however large the archive.
 *
 * Matching is verbatim: a part of n characters is at position p of a page when the pairs
 * covering it (offsets 0, 2, 4 … and n-2) are at p, p+2, … (each pair's positions are in
 * its shard). Pages rank by the parts they contain, the parts that are the page's name (a
 * zone's or topic's page: the manifest's names), the parts in their title or tags, how
 * often the parts occur, then newest first (page ids are given newest first).
 *
 * Nothing is fetched until the first query: a page view downloads no part of the index.
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

/* The file that holds a pair's postings: its own if it is a hot pair, else its shard */
function pairFile(pair, { hot, shards: shardCount }) {
  if (pair in hot)
    return "t/p-" + [...pair].map(ch => ch.codePointAt(0).toString(36)).join("-") + ".txt"
  return `t/${(pairHash(pair) % shardCount).toString(36)}.txt`
}

function loadFile(name) {
  if (!shards.has(name))
    shards.set(name, fetchText(INDEX + name))
  return shards.get(name)
}

/* A page's record: the chunk of its text that holds `position` (body characters) */
function loadRecord(id, chunk) {
  const key = `${id}-${chunk}`
  if (!records.has(key))
    records.set(key, fetchText(`${INDEX}d/${key}.json`).then(JSON.parse))
  return records.get(key)
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

/* The cheapest pairs that cover a part, with their offsets. Every character must lie in a
   chosen pair (so the first and last pairs are always chosen); a pair costs the bytes of
   its file: a hot pair its own size, any other a whole shard (about index.shard_bytes) */
function coverPairs(part, index) {
  const chars = [...part]
  const pairs = chars.slice(0, -1).map((ch, at) => ch + chars[at + 1])
  const cost = pairs.map(pair => index.hot[pair] ?? index.shard_bytes)
  /* best[i]: cheapest cover of characters 0..i+1 whose last pair starts at i */
  const best = [], previous = []
  pairs.forEach((_, i) => {
    let from = -1
    if (i > 0) {
      from = i - 1
      if (i >= 2 && best[i - 2] < best[i - 1])
        from = i - 2
    }
    best[i] = cost[i] + (from >= 0 ? best[from] : 0)
    previous[i] = from
  })
  const cover = []
  for (let i = pairs.length - 1; i >= 0; i = previous[i])
    cover.unshift({ at: i, pair: pairs[i] })
  return cover
}

/* Where a part occurs verbatim: Map page id -> {count, inHead, first} (first: the first
   occurrence in the body, in body characters, or -1) */
function matchPart(cover, postingsOf, bodyOffset) {
  const [anchor, ...rest] = [...cover].sort((a, b) => postingsOf.get(a.pair).size - postingsOf.get(b.pair).size)
  const matches = new Map()
  for (const [id, anchorPositions] of postingsOf.get(anchor.pair)) {
    const others = rest.map(({ at, pair }) => ({ at, positions: postingsOf.get(pair).get(id) }))
    if (others.some(other => !other.positions))
      continue
    const sets = others.map(other => ({ at: other.at, positions: new Set(other.positions) }))
    let count = 0, inHead = false, first = -1
    for (const q of anchorPositions) {
      const p = q - anchor.at  /* where the part would start */
      if (sets.every(({ at, positions }) => positions.has(p + at))) {
        count++
        if (p < bodyOffset)
          inHead = true
        else if (first === -1)
          first = p - bodyOffset
      }
    }
    if (count)
      matches.set(id, { count, inHead, first })
  }
  return matches
}

async function search(query) {
  /* Parts of one character have no pair: they are not searched. Material asks for the empty
     query as a page loads: answered without fetching anything */
  const parts = ParkSearch.splitQuery(query).filter(part => [...part].length >= 2)
  if (!parts.length)
    return { items: [] }
  const index = await loadManifest()
  const covers = parts.map(part => coverPairs(part, index))
  const pairs = [...new Set(covers.flat().map(({ pair }) => pair))]
  const texts = await Promise.all(pairs.map(pair => loadFile(pairFile(pair, index))))
  const postingsOf = new Map(pairs.map((pair, i) => [pair, readPostings(texts[i], pair)]))

  const scores = new Map()  /* page id -> {found, inHead, count, first, terms} */
  covers.forEach((cover, n) => {
    for (const [id, match] of matchPart(cover, postingsOf, index.body)) {
      const score = scores.get(id) || { found: 0, inHead: 0, count: 0, first: -1, terms: {} }
      score.found++
      score.inHead += match.inHead ? 1 : 0
      score.count += match.count
      if (match.first >= 0 && (score.first === -1 || match.first < score.first))
        score.first = match.first
      score.terms[parts[n]] = true
      scores.set(id, score)
    }
  })
  /* page id -> how many parts are one of its names */
  const named = new Map()
  for (const part of parts)
    for (const id of Object.hasOwn(index.names, part) ? index.names[part] : [])
      named.set(id, (named.get(id) || 0) + 1)
  const byName = id => named.get(id) || 0
  const ranked = [...scores].sort(([a, x], [b, y]) =>
    y.found - x.found || byName(b) - byName(a) || y.inHead - x.inHead || y.count - x.count || a - b)
  const chunkOf = score => Math.floor(Math.max(score.first, 0) / index.chunk)
  const shown = await Promise.all(ranked.slice(0, FIRST_RESULTS).map(([id, score]) => loadRecord(id, chunkOf(score))))
  const items = ranked.map(([id, match], rank) => {
    const score = ranked.length - rank  /* Material's Enter opens the highest score */
    const terms = Object.fromEntries(parts.map(part => [part, !!match.terms[part]]))
    if (rank < FIRST_RESULTS)
      return [ParkSearch.makeItem(shown[rank], parts, score, terms)]
    return [{ location: `?${PENDING_PARAMETER}=${id}-${chunkOf(match)}`, title: "…", text: "", terms, score }]
  })
  return { items }
}

addEventListener("message", async ev => {
  const message = ev.data
  if (message.type === SETUP) {
    postMessage({ type: READY })  /* the manifest waits for the first query: it grows with the index */
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
