//go:build cgo

package z3

import "testing"

func TestVersionLess(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		less bool
	}{
		{"4.8.12", "4.8.12", false},
		{"4.8.11", "4.8.12", true},
		{"4.8.9", "4.8.12", true},
		{"4.13.3", "4.8.12", false},
		{"4.8", "4.8.12", true},
		{"5.1.0", "4.8.12", false},
	} {
		if got := versionLess(tc.a, tc.b); got != tc.less {
			t.Errorf("versionLess(%s, %s) = %v, want %v", tc.a, tc.b, got, tc.less)
		}
	}
	if err := checkVersion(); err != nil {
		t.Errorf("the linked libz3: %v", err)
	}
}
