package gcd

// GCD returns the greatest common divisor of a and b, not both zero: a
// common divisor that every common divisor divides. The invariants say
// that x and y have exactly the common divisors of a and b.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:requires a != 0 || b != 0
//vsynth:ensures result != 0
//vsynth:ensures a%result == 0 && b%result == 0
//vsynth:ensures forall d uint8 :: d != 0 && a%d == 0 && b%d == 0 ==> result%d == 0
func GCD(a, b uint8) uint8 {
	x, y := a, b
	//vsynth:invariant x != 0 || y != 0
	//vsynth:invariant forall d uint8 :: d != 0 && x%d == 0 && y%d == 0 ==> a%d == 0 && b%d == 0
	//vsynth:invariant forall d uint8 :: d != 0 && a%d == 0 && b%d == 0 ==> x%d == 0 && y%d == 0
	//vsynth:decreases y
	for y != 0 {
		x, y = y, x%y
	}
	return x
}

// GCDBuggy divides where it should take the remainder: y need not
// decrease (GCDBuggy(128, 1) never ends), and x, y lose the common
// divisors of a and b.
//
//vsynth:requires a != 0 || b != 0
//vsynth:ensures result != 0
//vsynth:ensures a%result == 0 && b%result == 0
func GCDBuggy(a, b uint8) uint8 {
	x, y := a, b
	//vsynth:invariant x != 0 || y != 0
	//vsynth:invariant forall d uint8 :: d != 0 && x%d == 0 && y%d == 0 ==> a%d == 0 && b%d == 0
	//vsynth:decreases y
	for y != 0 {
		x, y = y, x/y
	}
	return x
}
