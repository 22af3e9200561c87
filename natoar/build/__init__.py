"""The build: check the inputs, write generated pages, execute notebooks into the cache, keep the cache honest,
the Sphinx extension (citation boxes and meta tags) and the PDF."""
