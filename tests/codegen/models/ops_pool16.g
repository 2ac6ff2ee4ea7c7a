# max pooling on rows of 36 columns (the x86 16-bit max pooling's vector
# steps, its last step overlapping the one before): padded stride 2 and
# stride 1, the tiled 2x2, and adds between them. Written by hand.
model ops_pool16

input x : f32[1,3,20,36]

r = relu(x)
p1 = maxpool2d(r, kernel=[3,3], stride=[2,2], pad=[1,1,1,1])
p2 = maxpool2d(x, kernel=[2,2], stride=[2,2])
p3 = maxpool2d(x, kernel=[3,3], pad=[1,1,1,1])
p4 = maxpool2d(p3, kernel=[2,2], stride=[2,2])
s = add(p1, p2)
output y = add(s, p4)
