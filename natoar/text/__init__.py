"""Arabic text: letters and normalisation, tokens, proclitics, phrases and names, dates written in words, the
theme lexicon and stop words, and the one-pass reader. Functions of strings only: nothing here reads a file."""
