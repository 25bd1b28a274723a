package dialog

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"

	"github.com/zkui/zkui/tui/common"
)

// newInput is a one-line input in the theme's mode with a steady cursor:
// a blinking one would repaint the screen twice a second for nothing.
func newInput(com *common.Common) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	s := textinput.DefaultStyles(com.Styles.Dark)
	s.Cursor.Blink = false
	in.SetStyles(s)
	return in
}

// newArea is a text area like newInput, without a length limit (the
// frame limit is checked on submit, with a message).
func newArea(com *common.Common) textarea.Model {
	ta := textarea.New()
	ta.Prompt = ""
	ta.CharLimit = 0
	ta.MaxHeight = 0
	s := textarea.DefaultStyles(com.Styles.Dark)
	s.Cursor.Blink = false
	ta.SetStyles(s)
	return ta
}
