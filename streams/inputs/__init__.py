"""Input formats: raw article files and folders, industry feeds, and the live tail of the topics."""
