"""Reference knowledge the converter, the schema and the site share: the gazetteer of parks and the topic taxonomy."""
