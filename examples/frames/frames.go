package frames

// Account is a bank account.
type Account struct {
	Balance int64
	Frozen  bool
}

// Transfer moves amount from one account to another and writes nothing
// but their balances.
//
//vsynth:requires from != nil && to != nil && from != to
//vsynth:requires 0 <= amount && amount <= from.Balance && to.Balance <= math.MaxInt64-amount
//vsynth:modifies from.Balance, to.Balance
//vsynth:ensures from.Balance == old(from.Balance)-amount && to.Balance == old(to.Balance)+amount
func Transfer(from, to *Account, amount int64) {
	from.Balance -= amount
	to.Balance += amount
}

// Settle transfers twice; the third account c, which takes part in
// neither transfer, keeps its balance: without Transfer's frame the
// calls would forget it.
//
//vsynth:requires a != nil && b != nil && c != nil && a != b && b != c && a != c
//vsynth:requires 0 <= x && x <= a.Balance && 0 <= b.Balance && b.Balance <= math.MaxInt64-x
//vsynth:ensures c.Balance == old(c.Balance) && a.Balance == old(a.Balance)
func Settle(a, b, c *Account, x int64) {
	Transfer(a, b, x)
	Transfer(b, a, x)
}

// TransferFee also charges a fee to the bank's account, which is not in
// its frame: refuted, and the replay sees fee.Balance change.
//
//vsynth:requires from != nil && to != nil && fee != nil && from != to
//vsynth:requires 1 <= amount && amount <= from.Balance && to.Balance <= math.MaxInt64-amount
//vsynth:requires fee.Balance < math.MaxInt64
//vsynth:modifies from.Balance, to.Balance
func TransferFee(from, to, fee *Account, amount int64) {
	from.Balance -= amount
	to.Balance += amount - 1
	fee.Balance++
}

// Swap exchanges two elements and writes nothing else.
//
//vsynth:requires 0 <= i && i < len(a) && 0 <= j && j < len(a)
//vsynth:modifies a[i], a[j]
//vsynth:ensures a[i] == old(a[j]) && a[j] == old(a[i])
func Swap(a []int32, i, j int) {
	a[i], a[j] = a[j], a[i]
}

// Reverse3 reverses three elements with one swap: the middle one is
// outside Swap's frame, so it keeps its value.
//
//vsynth:requires len(a) == 3
//vsynth:ensures a[0] == old(a[2]) && a[1] == old(a[1]) && a[2] == old(a[0])
func Reverse3(a []int32) {
	Swap(a, 0, 2)
}
