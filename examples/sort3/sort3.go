package sort3

// Sort3 sorts three values with three compare-exchange steps.
//
//vsynth:ensures result[0] <= result[1] && result[1] <= result[2]
//vsynth:ensures result == [3]int32{a[0], a[1], a[2]} || result == [3]int32{a[0], a[2], a[1]} || result == [3]int32{a[1], a[0], a[2]} || result == [3]int32{a[1], a[2], a[0]} || result == [3]int32{a[2], a[0], a[1]} || result == [3]int32{a[2], a[1], a[0]}
func Sort3(a [3]int32) [3]int32 {
	x, y, z := a[0], a[1], a[2]
	x, z = min(x, z), max(x, z)
	x, y = min(x, y), max(x, y)
	y, z = min(y, z), max(y, z)
	return [3]int32{x, y, z}
}

// Sort3Buggy leaves out the last compare-exchange: the two largest may
// stay out of order.
//
//vsynth:ensures result[0] <= result[1] && result[1] <= result[2]
func Sort3Buggy(a [3]int32) [3]int32 {
	x, y, z := a[0], a[1], a[2]
	x, z = min(x, z), max(x, z)
	x, y = min(x, y), max(x, y)
	return [3]int32{x, y, z}
}
