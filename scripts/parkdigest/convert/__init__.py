"""Convert: a seed page to article files, stage by stage (read → normalize → segment → reflow → metadata → write)."""
