package experience

import (
	"fmt"
	"strings"

	"github.com/vsynth/vsynth/synth"
)

// CheckRecord checks what a prior or a library learns from a record: the
// problem is identified, the typed answer (Key) and every production key
// read back. A record that does not is rejected (it was not written by
// vsynth, or the store is damaged): it counts against the breaker.
func CheckRecord(r Record) error {
	if r.Hash == "" || (r.Problem == "" && r.File == "") {
		return fmt.Errorf("record of %q: no problem or hash", r.Problem)
	}
	if r.Key != "" {
		if _, err := synth.ParseKey(r.Key); err != nil {
			return fmt.Errorf("record of %s: %w", problemID(r), err)
		}
	}
	for _, k := range r.Productions {
		if err := checkProdKey(k); err != nil {
			return fmt.Errorf("record of %s: production %w", problemID(r), err)
		}
	}
	return nil
}

// checkProdKey checks a production key (synth.ProdKey): a term of the
// key syntax, whose parameters are written param:TYPE.
func checkProdKey(k string) error {
	_, err := synth.ParseKey(strings.ReplaceAll(k, "param:", "p0:"))
	return err
}

// Checked keeps the records CheckRecord accepts, counting each against
// b; it stops when b trips.
func Checked(records []Record, b *Breaker) []Record {
	var out []Record
	for _, r := range records {
		if err := CheckRecord(r); err != nil {
			if b.Reject(err.Error()) {
				break
			}
			continue
		}
		b.Accept()
		out = append(out, r)
	}
	return out
}
