package main

// Schema is a parsed and, after check, resolved set of Jute modules.
type Schema struct {
	Modules []*Module
}

// Module is a "module a.b.c { ... }" block.
type Module struct {
	Name    string
	Pos     Pos
	Classes []*Class
}

// Class is a record declaration.
type Class struct {
	Name   string // as written in the schema
	GoName string // the exported Go type name, set by check
	Pos    Pos
	Doc    []string
	Fields []*Field
	Module *Module
}

// QualifiedName is the class's full Jute name, e.g. org.apache.zookeeper.data.Stat.
func (c *Class) QualifiedName() string { return c.Module.Name + "." + c.Name }

// Field is one member of a record; fields are encoded in declaration order.
type Field struct {
	Name    string // the Jute name, used in error messages
	GoName  string // set by check
	Pos     Pos
	Doc     []string
	Comment string // trailing comment
	Type    *Type
}

// Kind is the kind of a Jute type.
type Kind int

// The Jute types.
const (
	KindByte Kind = iota
	KindBool
	KindInt
	KindLong
	KindFloat
	KindDouble
	KindString
	KindBuffer
	KindVector
	KindMap
	KindRecord
)

// primitives maps the Jute keywords of the scalar types to their kinds.
var primitives = map[string]Kind{
	"byte": KindByte, "boolean": KindBool, "int": KindInt, "long": KindLong,
	"float": KindFloat, "double": KindDouble, "ustring": KindString, "buffer": KindBuffer,
}

// Type is a field's type.
type Type struct {
	Kind  Kind
	Pos   Pos
	Key   *Type  // map key
	Elem  *Type  // vector element or map value
	Ref   string // record reference as written, qualified or not
	Class *Class // the referenced record, set by check
}
