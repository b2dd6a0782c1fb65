import random, sys, os
random.seed(19)
out = sys.argv[1]
def M(w): return (1<<w)-1
def sx(v,w): return v-(1<<w) if v>>(w-1) else v
funcs = {
 # name: (arity, python f(w, *args), sygus body text for reference)
 'shl1add3': (1, lambda w,x: ((x<<1)+3)&M(w)),
 'xorshr':   (1, lambda w,x: x ^ (x>>1)),
 'lowbit':   (1, lambda w,x: x & ((-x)&M(w))),
 'setlow':   (1, lambda w,x: x | ((x-1)&M(w))),
 'avgfloor': (2, lambda w,x,y: ((x&y) + ((x^y)>>1))&M(w)),
 'maxu':     (2, lambda w,x,y: max(x,y)),
 'absv':     (1, lambda w,x: abs(sx(x,w))&M(w)),
 'condneg':  (1, lambda w,x: ((-x)&M(w)) if x&1 else x),
 'mux':      (2, lambda w,x,y: (x & 0xff) | (y & ~0xff & M(w))),
 'nlz4':     (1, lambda w,x: (x | (x>>1) | (x>>2))),
 'rotr1':    (1, lambda w,x: ((x>>1)|(x<<(w-1)))&M(w)),
 'cmpsel':   (2, lambda w,x,y: x if sx(x,w) < sx(y,w) else (y+1)&M(w)),
}
def hexc(v,w):
    if w%4==0: return '#x%0*x'%(w//4,v)
    return '#b'+format(v,'0%db'%w)
def grammar(kind, w, ar):
    S='(_ BitVec %d)'%w
    vars_=' '.join(['x','y'][:ar])
    base='%s %s %s (bvnot Start) (bvneg Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start)'%(hexc(0,w),hexc(1,w),vars_)
    if kind=='noite':
        return '((Start %s)) ((Start %s (%s)))'%(S,S,base)
    if kind=='iteB':
        return '((Start %s) (B Bool)) ((Start %s (%s (ite B Start Start))) (B Bool ((bvult Start Start) (bvslt Start Start) (= Start Start))))'%(S,S,base)
    if kind=='const':
        return '((Start %s)) ((Start %s (x%s (Constant %s) (bvnot Start) (bvand Start Start) (bvor Start Start) (bvxor Start Start) (bvadd Start Start) (bvsub Start Start) (bvshl Start Start) (bvlshr Start Start))))'%(S,S,' y' if ar==2 else '',S)
    if kind=='iteS':  # the PBE track shape: ite with a condition over Start
        return '((Start %s)) ((Start %s (%s (ite (= Start %s) Start Start))))'%(S,S,base,hexc(1,w))
def write(name, fn, w, kind, n):
    ar, f = funcs[fn]
    S='(_ BitVec %d)'%w
    params=' '.join('(%s %s)'%(v,S) for v in ['x','y'][:ar])
    lines=['(set-logic BV)','(synth-fun f (%s) %s %s)'%(params,S,grammar(kind,w,ar))]
    seen=set()
    pool=[0,1,M(w),1<<(w-1)]
    while len(lines)-2 < n:
        args=[random.choice(pool) if random.random()<0.05 else random.getrandbits(w) for _ in range(ar)]
        if tuple(args) in seen: continue
        seen.add(tuple(args))
        lines.append('(constraint (= (f %s) %s))'%(' '.join(hexc(a,w) for a in args), hexc(f(w,*args),w)))
    lines.append('(check-synth)')
    open(os.path.join(out,name+'.sl'),'w').write('\n'.join(lines)+'\n')
cases=[('shl1add3',64,'noite'),('xorshr',32,'noite'),('lowbit',64,'noite'),('setlow',16,'noite'),('avgfloor',32,'noite'),
       ('maxu',32,'iteB'),('absv',64,'iteB'),('condneg',16,'iteB'),('cmpsel',32,'iteB'),
       ('mux',32,'const'),('shl1add3',32,'const'),('nlz4',64,'noite'),('rotr1',8,'noite_small'),
       ('maxu',16,'iteS'),('condneg',64,'iteS'),('absv',32,'iteS'),('rotr1',12,'iteS')]
for fn,w,kind in cases:
    if kind=='noite_small':
        write('%s_w%d_noite_%d'%(fn,w,200), fn, w, 'noite', 200); continue
    for n in (100,1000):
        write('%s_w%d_%s_%d'%(fn,w,kind,n), fn, w, kind, n)
