package app

import "stancemark/annotations"

// slug is the file-name part of every download the app names after a title
// (".orphans.json", ".unreadable.json", "-class.csv"; exports are named by
// annotations.ExportFile with the same rule).
func slug(title string) string { return annotations.TitleSlug(title) }
