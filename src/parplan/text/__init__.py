"""Reading plan language: normalisation, numbers and the phrase parsers."""
