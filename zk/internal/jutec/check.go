package main

import (
	"errors"
	"fmt"
	"strings"
)

// check resolves record references and rejects schemas the generator cannot
// turn into one valid Go package: duplicate names (also after Go's
// capitalisation, and across modules, since every module lands in the same
// package), unknown references, map keys Go cannot sort, and records that
// contain themselves by value. It returns every problem found, joined.
func check(s *Schema) error {
	c := &checker{
		classes: map[string]*Class{},
		goNames: map[string]*Class{},
	}
	c.declare(s)
	for _, m := range s.Modules {
		for _, cl := range m.Classes {
			c.fields(cl)
		}
	}
	if len(c.errs) == 0 {
		for _, m := range s.Modules {
			for _, cl := range m.Classes {
				c.cycle(cl, nil)
			}
		}
	}
	return errors.Join(c.errs...)
}

type checker struct {
	classes map[string]*Class // by qualified Jute name
	goNames map[string]*Class // by Go type name
	done    map[*Class]bool   // classes proven free of by-value cycles
	errs    []error
}

func (c *checker) errorf(pos Pos, format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: "+format, append([]any{pos}, args...)...))
}

// declare indexes every class by its qualified and its Go name.
func (c *checker) declare(s *Schema) {
	for _, m := range s.Modules {
		for _, cl := range m.Classes {
			q := cl.QualifiedName()
			if prev, ok := c.classes[q]; ok {
				c.errorf(cl.Pos, "duplicate class %s (first declared at %s)", q, prev.Pos)
				continue
			}
			c.classes[q] = cl
			cl.GoName = exported(cl.Name)
			if prev, ok := c.goNames[cl.GoName]; ok {
				c.errorf(cl.Pos, "class %s and class %s (%s) both become Go type %s",
					q, prev.QualifiedName(), prev.Pos, cl.GoName)
				continue
			}
			c.goNames[cl.GoName] = cl
		}
	}
}

// fields checks a class's field names and resolves their types.
func (c *checker) fields(cl *Class) {
	seen := map[string]*Field{}
	for _, f := range cl.Fields {
		f.GoName = exported(f.Name)
		if prev, ok := seen[f.GoName]; ok {
			if prev.Name == f.Name {
				c.errorf(f.Pos, "duplicate field %s in class %s (first declared at %s)", f.Name, cl.Name, prev.Pos)
			} else {
				c.errorf(f.Pos, "fields %s and %s of class %s both become Go field %s", prev.Name, f.Name, cl.Name, f.GoName)
			}
			continue
		}
		seen[f.GoName] = f
		if f.GoName == "Encode" || f.GoName == "Decode" {
			c.errorf(f.Pos, "field %s of class %s collides with the generated method %s", f.Name, cl.Name, f.GoName)
		}
		c.resolve(cl.Module, f.Type)
	}
}

// resolve binds record references: a dotted name is fully qualified, a plain
// one names a class of the same module.
func (c *checker) resolve(m *Module, t *Type) {
	switch t.Kind {
	case KindVector:
		c.resolve(m, t.Elem)
	case KindMap:
		c.resolve(m, t.Key)
		c.resolve(m, t.Elem)
		switch t.Key.Kind {
		case KindByte, KindInt, KindLong, KindString:
		default:
			// Encoding sorts keys for determinism, so they must be ordered;
			// floats are refused too, since a NaN key cannot be looked up.
			c.errorf(t.Key.Pos, "map key type must be byte, int, long or ustring")
		}
	case KindRecord:
		q := t.Ref
		if !strings.Contains(q, ".") {
			q = m.Name + "." + q
		}
		cl, ok := c.classes[q]
		if !ok {
			c.errorf(t.Pos, "unknown record type %s", t.Ref)
			return
		}
		t.Class = cl
	}
}

// cycle rejects a record that contains itself through record-typed fields:
// it would have no finite encoding (and no Go struct). Vectors and maps break
// the chain, since they may be empty.
func (c *checker) cycle(cl *Class, path []*Class) {
	if c.done == nil {
		c.done = map[*Class]bool{}
	}
	if c.done[cl] {
		return
	}
	for i, p := range path {
		if p == cl {
			var names []string
			for _, q := range path[i:] {
				names = append(names, q.Name)
			}
			c.errorf(cl.Pos, "record %s contains itself: %s -> %s", cl.Name, strings.Join(names, " -> "), cl.Name)
			c.done[cl] = true
			return
		}
	}
	for _, f := range cl.Fields {
		if f.Type.Kind == KindRecord {
			c.cycle(f.Type.Class, append(path, cl))
		}
	}
	c.done[cl] = true
}

// exported turns a Jute name into an exported Go name by capitalising its
// first letter: ephemeralOwner -> EphemeralOwner, acl -> Acl.
func exported(name string) string {
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}
