"""Measuring tools (benchmarks, page weight). No chapter imports them, and editing them never invalidates the
book's cached outputs."""
