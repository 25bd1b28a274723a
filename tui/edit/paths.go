package edit

import "slices"

// join appends a child name to a parent path.
func join(parent, name string) string {
	if parent == "/" {
		return "/" + name
	}
	return parent + "/" + name
}

// sortedCopy returns names sorted, leaving the caller's slice alone: a
// stable order makes scans, previews and reports repeatable.
func sortedCopy(names []string) []string {
	out := slices.Clone(names)
	slices.Sort(out)
	return out
}
