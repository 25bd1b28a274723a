// Command jutec compiles schemas written in Jute's IDL, the record language
// of ZooKeeper's wire protocol and files, into Go: one struct per record with
// allocation-free Encode and bounds-checked Decode methods built on the
// primitives of zk/internal/jute. It is run by go generate in
// zk/internal/proto:
//
//	go run ../jutec -o zz_generated.go zookeeper.jute
//
// Every module of every input lands in the single output package, so class
// names must be unique across modules.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", "", "output Go file (default: standard output)")
	pkg := flag.String("package", "proto", "Go package name of the output")
	imp := flag.String("jute", "github.com/zkui/zkui/zk/internal/jute", "import path of the jute primitives")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: jutec [-o out.go] [-package name] schema.jute...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	src, err := compileFiles(flag.Args(), genOptions{Package: *pkg, JuteImp: *imp})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *out == "" {
		_, err = os.Stdout.Write(src)
	} else {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jutec:", err)
		os.Exit(1)
	}
}

// compileFiles reads, parses, checks and generates the given schema files.
// Positions in errors use the names as given on the command line.
func compileFiles(files []string, opt genOptions) ([]byte, error) {
	srcs := make(map[string]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("jutec: %w", err)
		}
		srcs[f] = string(b)
	}
	return compile(files, srcs, opt)
}

// compile turns schema sources, in the order of names, into Go source.
func compile(names []string, srcs map[string]string, opt genOptions) ([]byte, error) {
	all := &Schema{}
	for _, name := range names {
		s, err := parse(name, srcs[name])
		if err != nil {
			return nil, err
		}
		all.Modules = append(all.Modules, s.Modules...)
		opt.Sources = append(opt.Sources, filepath.Base(name))
	}
	if err := check(all); err != nil {
		return nil, err
	}
	return generate(all, opt)
}
