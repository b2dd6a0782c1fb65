package average

// Average wraps when a + b leaves int32: vsynth finds a and b, and the
// replay sees Go wrap at the addition.
//
//vsynth:nooverflow
func Average(a, b int32) int32 {
	return (a + b) / 2
}

// AverageWide adds in int64, where the sum of two int32 values fits, and
// converts back a value that lies between a and b: nothing wraps.
//
//vsynth:ensures min(a, b) <= result && result <= max(a, b)
//vsynth:nooverflow
func AverageWide(a, b int32) int32 {
	return int32((int64(a) + int64(b)) / 2)
}
