"""What chapters use to show the evidence: cross-tabulations and measures, charts in the house style, figures
saved with their data, and Markdown output (tables, boxes, Arabic quotations, links to source paragraphs)."""
