package main

import (
	"bytes"
	"fmt"
	"strconv"
)

// The generated methods are straight-line code, one statement group per
// field, so they read like the schema: no reflection, no per-record tables.
// Loop variables are suffixed with the nesting depth (i0, i1, k0, v0) so
// nested vectors and maps never shadow each other.

// codec writes the Encode and Decode methods of one class.
type codec struct {
	g       *gen
	rec     string // Jute class name for error messages
	needErr bool   // encode: the body assigns a shared err
	needN   bool   // decode: the body uses the shared count/length n
}

// encode writes the class's Encode method.
func (g *gen) encode(b *bytes.Buffer, cl *Class) {
	c := &codec{g: g, rec: strconv.Quote(cl.Name)}
	var body bytes.Buffer
	for _, f := range cl.Fields {
		c.encodeValue(&body, "r."+f.GoName, f.Type, strconv.Quote(f.Name), 0)
	}
	fmt.Fprintf(b, "// Encode appends the Jute encoding of r to dst and returns the extended slice.\n")
	fmt.Fprintf(b, "func (r *%s) Encode(dst []byte) ([]byte, error) {\n", cl.GoName)
	if c.needErr {
		fmt.Fprintf(b, "var err error\n")
	}
	b.Write(body.Bytes())
	fmt.Fprintf(b, "return dst, nil\n}\n\n")
}

// encodeValue appends the statements encoding expr of type t; field is the Go
// expression naming the value in errors.
func (c *codec) encodeValue(b *bytes.Buffer, expr string, t *Type, field string, depth int) {
	fail := fmt.Sprintf("return dst, jute.FieldEncodeError(%s, %s, err)", c.rec, field)
	checkLen := func() {
		fmt.Fprintf(b, "if err := jute.CheckLength(len(%s)); err != nil {\n%s\n}\n", expr, fail)
	}
	switch t.Kind {
	case KindByte, KindBool, KindInt, KindLong, KindFloat, KindDouble:
		fmt.Fprintf(b, "dst = jute.Append%s(dst, %s)\n", primFuncs[t.Kind], expr)
	case KindString, KindBuffer:
		checkLen()
		fmt.Fprintf(b, "dst = jute.Append%s(dst, %s)\n", primFuncs[t.Kind], expr)
	case KindRecord:
		c.needErr = true
		fmt.Fprintf(b, "if dst, err = %s.Encode(dst); err != nil {\n%s\n}\n", expr, fail)
	case KindVector:
		checkLen()
		i := fmt.Sprintf("i%d", depth)
		fmt.Fprintf(b, "dst = jute.AppendCount(dst, len(%s), %s == nil)\n", expr, expr)
		fmt.Fprintf(b, "for %s := range %s {\n", i, expr)
		c.encodeValue(b, expr+"["+i+"]", t.Elem, "jute.Index("+field+", "+i+")", depth+1)
		fmt.Fprintf(b, "}\n")
	case KindMap:
		c.g.usesMaps = true
		checkLen()
		k, v := fmt.Sprintf("k%d", depth), fmt.Sprintf("v%d", depth)
		fmt.Fprintf(b, "dst = jute.AppendCount(dst, len(%s), %s == nil)\n", expr, expr)
		// Go randomises map order; sorting keeps encodings reproducible.
		fmt.Fprintf(b, "for _, %s := range slices.Sorted(maps.Keys(%s)) {\n", k, expr)
		fmt.Fprintf(b, "%s := %s[%s]\n", v, expr, k)
		c.encodeValue(b, k, t.Key, field, depth+1)
		c.encodeValue(b, v, t.Elem, field, depth+1)
		fmt.Fprintf(b, "}\n")
	}
}

// decode writes the class's Decode method.
func (g *gen) decode(b *bytes.Buffer, cl *Class) {
	c := &codec{g: g, rec: strconv.Quote(cl.Name)}
	var body bytes.Buffer
	for _, f := range cl.Fields {
		c.decodeValue(&body, "r."+f.GoName, f.Type, strconv.Quote(f.Name), 0)
	}
	fmt.Fprintf(b, "// Decode reads r from the start of src, reusing r's slices where they are\n")
	fmt.Fprintf(b, "// large enough, and returns the number of bytes consumed.\n")
	fmt.Fprintf(b, "func (r *%s) Decode(src []byte) (int, error) {\n", cl.GoName)
	if len(cl.Fields) == 0 {
		fmt.Fprintf(b, "return 0, nil\n}\n\n")
		return
	}
	fmt.Fprintf(b, "var (\noff int\n")
	if c.needN {
		fmt.Fprintf(b, "n int\n")
	}
	fmt.Fprintf(b, "err error\n)\n")
	b.Write(body.Bytes())
	fmt.Fprintf(b, "return off, nil\n}\n\n")
}

// decodeValue appends the statements decoding into expr of type t.
func (c *codec) decodeValue(b *bytes.Buffer, expr string, t *Type, field string, depth int) {
	fail := fmt.Sprintf("return off, jute.FieldDecodeError(%s, %s, off, err)", c.rec, field)
	switch t.Kind {
	case KindByte, KindBool, KindInt, KindLong, KindFloat, KindDouble, KindString:
		fmt.Fprintf(b, "if %s, off, err = jute.Read%s(src, off); err != nil {\n%s\n}\n", expr, primFuncs[t.Kind], fail)
	case KindBuffer:
		fmt.Fprintf(b, "if %s, off, err = jute.ReadBuffer(src, off, %s); err != nil {\n%s\n}\n", expr, expr, fail)
	case KindRecord:
		c.needN = true
		fmt.Fprintf(b, "if n, err = %s.Decode(src[off:]); err != nil {\n%s\n}\noff += n\n", expr, fail)
	case KindVector:
		c.needN = true
		i := fmt.Sprintf("i%d", depth)
		fmt.Fprintf(b, "if n, off, err = jute.ReadCount(src, off, %d); err != nil {\n%s\n}\n", minSize(t.Elem), fail)
		fmt.Fprintf(b, "%s = jute.MakeSlice(%s, n)\n", expr, expr)
		fmt.Fprintf(b, "for %s := range %s {\n", i, expr)
		c.decodeValue(b, expr+"["+i+"]", t.Elem, "jute.Index("+field+", "+i+")", depth+1)
		fmt.Fprintf(b, "}\n")
	case KindMap:
		c.needN = true
		k, v := fmt.Sprintf("k%d", depth), fmt.Sprintf("v%d", depth)
		fmt.Fprintf(b, "if n, off, err = jute.ReadCount(src, off, %d); err != nil {\n%s\n}\n", minSize(t.Key)+minSize(t.Elem), fail)
		fmt.Fprintf(b, "%s = nil\nif n >= 0 {\n", expr)
		fmt.Fprintf(b, "%s = make(%s, n)\n", expr, c.g.goType(t))
		fmt.Fprintf(b, "for range n {\nvar %s %s\nvar %s %s\n", k, c.g.goType(t.Key), v, c.g.goType(t.Elem))
		c.decodeValue(b, k, t.Key, field, depth+1)
		c.decodeValue(b, v, t.Elem, field, depth+1)
		fmt.Fprintf(b, "%s[%s] = %s\n}\n}\n", expr, k, v)
	}
}
