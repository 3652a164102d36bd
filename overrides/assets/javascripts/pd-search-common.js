/*
 * What the search worker and the page share: how a query is split and folded (as
 * scripts/parkdigest/site/search.py folds the indexed text), and how a result is drawn
 * from a page's record (search/pd/d/<id>.json) in Material's result markup.
 *
 * Every piece of text from an article is escaped here before it becomes HTML; the only
 * markup added is <mark> around the query's parts and the date's <time>.
 */
"use strict"

self.ParkSearch = (() => {
  /* Where a query splits into parts: anything that is not a letter or a digit (as the
     index pairs only letters and digits: search.py is_word) */
  const PART_SEPARATOR = /[^\p{L}\p{N}]+/u
  /* Characters of text shown around the first match in a result */
  const SNIPPET_BEFORE = 40
  const SNIPPET_LENGTH = 140

  /* Full-width Latin letters and digits to ASCII, capitals to small, one for one (search.py fold) */
  function fold(text) {
    let out = ""
    for (const ch of text) {
      const code = ch.codePointAt(0)
      const narrow = code >= 0xFF01 && code <= 0xFF5E ? String.fromCodePoint(code - 0xFEE0) : ch
      const low = narrow.toLowerCase()
      out += [...low].length === 1 ? low : narrow
    }
    return out
  }

  /* The distinct parts of a query, folded, longest first (a longer part is marked first) */
  function splitQuery(query) {
    const parts = fold(query).split(PART_SEPARATOR).filter(Boolean)
    return [...new Set(parts)].sort((a, b) => b.length - a.length)
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;")
  }

  /* Spans [start, end) of `text` where a part occurs (folded comparison), without overlaps */
  function findSpans(text, parts) {
    const folded = fold(text)
    const spans = []
    for (const part of parts)
      for (let at = folded.indexOf(part); at !== -1; at = folded.indexOf(part, at + part.length))
        spans.push([at, at + part.length])
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
    const merged = []
    for (const span of spans)
      if (!merged.length || span[0] >= merged[merged.length - 1][1])
        merged.push(span)
    return merged
  }

  /* `text` escaped, with the parts in <mark> */
  function markText(text, parts, spans = findSpans(text, parts)) {
    let html = "", last = 0
    for (const [start, end] of spans) {
      html += escapeHtml(text.slice(last, start)) + "<mark>" + escapeHtml(text.slice(start, end)) + "</mark>"
      last = end
    }
    return html + escapeHtml(text.slice(last))
  }

  /* A stretch of a record's chunk of text around its first match (or its opening), query
     marked; "…" where the page's text goes on */
  function snippet(record, parts) {
    const body = record.x
    const spans = findSpans(body, parts)
    let start = 0
    if (spans.length) {
      start = Math.max(0, spans[0][0] - SNIPPET_BEFORE)
      const paragraph = body.lastIndexOf("\n", spans[0][0])
      if (paragraph >= start)
        start = paragraph + 1  /* begin at the paragraph when it starts close before */
    }
    const end = Math.min(body.length, start + SNIPPET_LENGTH)
    const text = body.slice(start, end).replace(/\n/g, " ")
    const before = record.o + start > 0, after = record.o + end < record.n
    return (before ? "…" : "") + markText(text, parts) + (after ? "…" : "")
  }

  /* Material's search item ({location, title, text, terms, tags, score}) for a page record;
     `terms` says which parts the page has (Material highlights those on the page it opens) */
  function makeItem(record, parts, score, terms) {
    const date = record.d ? `<time>${escapeHtml(record.d)}</time> · ` : ""
    const item = {
      location: record.u,
      title: markText(record.t, parts),
      text: `<p>${date}${snippet(record, parts)}</p>`,
      terms,
      score
    }
    if (record.g && record.g.length)
      item.tags = record.g.map(escapeHtml)
    return item
  }

  return { fold, splitQuery, escapeHtml, markText, snippet, makeItem }
})()
