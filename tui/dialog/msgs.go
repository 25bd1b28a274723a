package dialog

import (
	"github.com/zkui/zkui/tui/edit"
	"github.com/zkui/zkui/zk"
)

// CancelMsg says the user closed the dialog without writing (esc, or
// discard on the conflict screen); a running operation is cancelled.
type CancelMsg struct{ Discarded bool }

// CreateMsg asks for a node to be created. With AllowParents false the
// root model first checks for missing parents and offers them
// (OfferParents) instead of creating.
type CreateMsg struct {
	Spec         edit.CreateSpec
	AllowParents bool
}

// SaveMsg asks for Data to be written over Path if it is still at Version
// (Base is the value that version had, for the conflict screen).
type SaveMsg struct {
	Path    string
	Base    []byte
	Data    []byte
	Version int32
}

// DeleteMsg asks for Path to be deleted at Version, or, when Tree is set,
// the whole scanned subtree.
type DeleteMsg struct {
	Path    string
	Version int32
	Tree    *edit.Subtree
}

// ACLMsg asks for Path's ACL to be replaced if its ACL version is still
// Aversion.
type ACLMsg struct {
	Path     string
	ACL      []zk.ACL
	Aversion int32
}

// TargetMsg carries the destination typed for a copy or move; the root
// model scans the source and opens the preview (OpenTransfer).
type TargetMsg struct {
	Source string
	Dst    string
	Move   bool
}

// ExternalMsg asks for Text to be edited in $VISUAL / $EDITOR; the answer
// comes back through SetData.
type ExternalMsg struct{ Text string }

// TransferMsg confirms a previewed copy or move.
type TransferMsg struct {
	Tree *edit.Subtree
	Dst  string
	Move bool
}
