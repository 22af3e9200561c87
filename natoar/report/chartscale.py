"""How many items a chart draws one by one before it switches to a form that scales (the largest items and the
rest together, or a grouping): each keeps the saved figure within MAX_PIXELS on its longer side at the book's
resolution (tests/test_chart_scale.py draws 250 documents). `charts` draws by these limits and `figuretext`
describes what is drawn by them, so a figure's alt text says what the reader would see at any size."""

MAX_BARS = 30
MAX_COLUMNS = 20  # presence grids (0.75 in a column)
MAX_COUNT_COLUMNS = 16  # count grids (0.9 in a column)
MAX_ROWS = 40
MAX_PANELS = 9
MAX_LABELLED = 12
MAX_PIXELS = 2400
