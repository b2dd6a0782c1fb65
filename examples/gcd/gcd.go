package gcd

// GCD returns the greatest common divisor of a and b, not both zero.
//
//vsynth:requires a != 0 || b != 0
//vsynth:requires a <= 40 && b <= 40
//vsynth:ensures result != 0 && a%result == 0 && b%result == 0
func GCD(a, b uint8) uint8 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// GCDBuggy stops one step early when the remainder is 1.
//
//vsynth:requires a != 0 || b != 0
//vsynth:ensures result != 0 && a%result == 0 && b%result == 0
func GCDBuggy(a, b uint8) uint8 {
	for b > 1 {
		a, b = b, a%b
	}
	return a
}
