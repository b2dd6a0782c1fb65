package text

// IsPalindrome reports whether s reads the same backwards, byte by byte.
//
//vsynth:ensures result ==> forall i int :: 0 <= i && i < len(s)/2 ==> s[i] == s[len(s)-1-i]
func IsPalindrome(s string) bool {
	//vsynth:invariant 0 <= i && i <= len(s)/2
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> s[k] == s[len(s)-1-k]
	for i := 0; i < len(s)/2; i++ {
		if s[i] != s[len(s)-1-i] {
			return false
		}
	}
	return true
}

// HasPrefix is strings.HasPrefix.
//
//vsynth:ensures result == (len(prefix) <= len(s) && s[:len(prefix)] == prefix)
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasPrefixFast forgets to compare the lengths first: s[:len(prefix)]
// panics when prefix is longer. vsynth refutes its bounds obligation
// with a prefix longer than s.
//
//vsynth:ensures result == (len(prefix) <= len(s) && s[:len(prefix)] == prefix)
func HasPrefixFast(s, prefix string) bool {
	return s[:len(prefix)] == prefix
}

// Count is the number of bytes of s equal to c.
//
//vsynth:ensures 0 <= result && result <= len(s)
func Count(s string, c byte) int {
	n := 0
	//vsynth:invariant 0 <= i && i <= len(s) && 0 <= n && n <= i
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}
