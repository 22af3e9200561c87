"""Shared code for the book: load the Arabic sources, check them, count them, draw them."""

__version__ = "0.1.0"
