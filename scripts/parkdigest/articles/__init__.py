"""The article-file contract: the front-matter schema and the validator of docs/articles."""
