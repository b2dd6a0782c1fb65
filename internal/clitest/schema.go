package clitest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SARIFSchemaFile is the SARIF 2.1.0 JSON schema (OASIS, as published by
// Microsoft's SARIF SDK: see cmd/vsynth/testdata/schema/NOTICE).
func SARIFSchemaFile() string {
	return filepath.Join(RepoRoot(), "cmd", "vsynth", "testdata", "schema", "sarif-2.1.0-rtm.5.json")
}

// JSONSchemaFile is the published schema of vsynth's --format json.
func JSONSchemaFile() string {
	return filepath.Join(RepoRoot(), "docs", "report.schema.json")
}

// CompileSchemaFile compiles a JSON schema file, asserting formats (uri,
// uri-reference...) as well as structure.
func CompileSchemaFile(file string) (*jsonschema.Schema, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	url := "file://" + filepath.ToSlash(abs)
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return c.Compile(url)
}

// ValidateJSON checks a document against a compiled schema.
func ValidateJSON(s *jsonschema.Schema, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// validFile returns a script command that validates a file against the
// JSON schema schemaFile:
//
//	validsarif out.sarif
//	validjson out.json
func validFile(schemaFile string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: valid(sarif|json) FILE")
		}
		schema, err := CompileSchemaFile(schemaFile)
		ts.Check(err)
		doc, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		if err := ValidateJSON(schema, doc); err != nil {
			ts.Fatalf("%s does not match %s: %v", args[0], filepath.Base(schemaFile), err)
		}
	}
}
