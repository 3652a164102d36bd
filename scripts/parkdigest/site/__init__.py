"""MkDocs hooks and the listings they build from the articles' front-matter."""
