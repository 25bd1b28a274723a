package tree

import "github.com/zkui/zkui/model"

// lister is a sequence of rows: the mirror's visible rows, or the rows of
// a filtered level.
type lister interface {
	count() int
	rows(from, n int) []model.Row
	rowOf(path string) int
	pathAt(row int) string
}

// mirrorList reads the rows straight from the mirror.
type mirrorList struct{ mir Mirror }

func (l mirrorList) count() int                   { return l.mir.RowCount() }
func (l mirrorList) rows(from, n int) []model.Row { return l.mir.Rows(from, n) }
func (l mirrorList) rowOf(path string) int        { return l.mir.RowOf(path) }

func (l mirrorList) pathAt(row int) string {
	p, ok := l.mir.PathAt(row)
	if !ok {
		return l.mir.Root()
	}
	return p
}
