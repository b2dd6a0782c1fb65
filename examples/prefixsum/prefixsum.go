package prefixsum

// PrefixSums returns s with s[0] == 0 and s[k+1] == s[k] + a[k].
//
//vsynth:requires len(a) < 1<<20
//vsynth:ensures len(result) == len(a)+1 && result[0] == 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> result[k+1] == result[k]+int(a[k])
func PrefixSums(a []int8) []int {
	s := make([]int, len(a)+1)
	//vsynth:invariant 0 <= i && i <= len(a) && len(s) == len(a)+1 && s[0] == 0
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> s[k+1] == s[k]+int(a[k])
	//vsynth:decreases len(a) - i
	for i := 0; i < len(a); i++ {
		s[i+1] = s[i] + int(a[i])
	}
	return s
}

// PrefixSumsBuggy starts one element late: s[1] stays 0.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:requires len(a) < 1<<20
//vsynth:ensures len(result) == len(a)+1 && result[0] == 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> result[k+1] == result[k]+int(a[k])
func PrefixSumsBuggy(a []int8) []int {
	s := make([]int, len(a)+1)
	for i := 1; i < len(a); i++ {
		s[i+1] = s[i] + int(a[i])
	}
	return s
}
