namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>Construction of <see cref="LiteralAutomaton"/>.</summary>
internal sealed partial class LiteralAutomaton
{
    /// <summary>
    /// Builds the automaton; <paramref name="accepted"/> tells, per literal, whether it could be
    /// included (an empty literal is not).
    /// </summary>
    public static LiteralAutomaton Build(IReadOnlyList<string> literals, out bool[] accepted)
    {
        var (classOf, bucketClass, classes, words) = Alphabet(literals, out accepted);
        var trie = Trie.Of(words, accepted);
        var count = trie.Count;
        var narrow = count <= NarrowStateLimit;
        // The table is written once, in its final form (see the constructor): a scan of many rules
        // builds a few large automata, and every intermediate copy of their tables was collector work.
        var table16 = narrow ? new ushort[count * classes] : null;
        var table32 = narrow ? [] : new int[count * classes];
        int Encode(int state, bool reports) => narrow
            ? state | (reports ? 0x8000 : 0)
            : state * classes | (reports ? int.MinValue : 0);
        int Read(int slot) => narrow ? table16![slot] : table32[slot];
        int Target(int value) => narrow ? value & NarrowStateLimit : (value & int.MaxValue) / classes;

        // Breadth-first, so that a state's fail target is complete before the state itself: each row
        // starts as a copy of its fail target's row (the transitions the state lacks), then its own
        // children overwrite their classes. Class 0 (characters no literal uses) leads to the root.
        var fail = new int[count];
        var order = new int[count];
        var outputCount = new int[count];
        var tail = 1;
        for (var head = 0; head < tail; head++)
        {
            var state = order[head];
            var row = state * classes;
            if (state != 0)
            {
                var from = fail[state] * classes;
                if (narrow)
                {
                    Array.Copy(table16!, from, table16!, row, classes);
                }
                else
                {
                    Array.Copy(table32, from, table32, row, classes);
                }
            }
            for (var child = trie.FirstChild[state]; child > 0; child = trie.Sibling[child])
            {
                var k = trie.Label[child];
                var fallback = state == 0 ? 0 : Target(Read(fail[state] * classes + k));
                fail[child] = fallback;
                outputCount[child] = trie.OwnCount(child) + outputCount[fallback];
                var value = Encode(child, outputCount[child] > 0);
                if (narrow)
                {
                    table16![row + k] = (ushort)value;
                }
                else
                {
                    table32[row + k] = value;
                }
                order[tail++] = child;
            }
        }

        // Each state reports its own literals, then those of its fail target (already written: BFS order).
        var outputStart = new int[count + 1];
        for (var s = 0; s < count; s++)
        {
            outputStart[s + 1] = outputStart[s] + outputCount[s];
        }
        var outputs = new int[outputStart[count]];
        foreach (var state in order)
        {
            var at = outputStart[state];
            for (var i = trie.OwnHead[state]; i >= 0; i = trie.OwnNext[i])
            {
                outputs[at++] = i;
            }
            if (state != 0)
            {
                Array.Copy(outputs, outputStart[fail[state]], outputs, at, outputCount[fail[state]]);
            }
        }
        // Folded non-ASCII characters are what take a bucket.
        return new LiteralAutomaton(classOf, bucketClass, classes, table16, table32, outputStart, outputs, literals.Count,
            bucketClass.All(b => b == 0), words.Select(w => w.Length).DefaultIfEmpty(0).Max());
    }

    // Each folded ASCII character of the literals gets its own class; folded non-ASCII characters
    // share NonAsciiBuckets classes by code unit. Sharing makes the automaton find a superset of
    // the literals (never fewer), which is all a prefilter needs, and keeps the table narrow.
    private static (byte[] ClassOf, byte[] BucketClass, int Classes, byte[][] Words) Alphabet(IReadOnlyList<string> literals, out bool[] accepted)
    {
        var classOfUpper = new Dictionary<char, byte>();
        var bucketClass = new byte[NonAsciiBuckets];
        var used = 0;
        byte ClassOf(char upper)
        {
            if (char.IsAscii(upper))
            {
                if (!classOfUpper.TryGetValue(upper, out var k))
                {
                    classOfUpper[upper] = k = (byte)++used;
                }
                return k;
            }
            ref var bucket = ref bucketClass[upper % NonAsciiBuckets];
            if (bucket == 0)
            {
                bucket = (byte)++used;
            }
            return bucket;
        }
        accepted = new bool[literals.Count];
        var words = new byte[literals.Count][];
        for (var i = 0; i < literals.Count; i++)
        {
            var text = literals[i].ToUpperInvariant();
            var word = new byte[text.Length];
            for (var j = 0; j < text.Length; j++)
            {
                word[j] = ClassOf(text[j]);
            }
            accepted[i] = text.Length > 0;
            words[i] = word;
        }
        var classOf = new byte[128];
        for (var c = 0; c < classOf.Length; c++)
        {
            classOf[c] = classOfUpper.GetValueOrDefault(char.ToUpperInvariant((char)c));
        }
        return (classOf, bucketClass, used + 1, words);
    }

    /// <summary>The literals' trie as first-child/next-sibling lists (the root is state 0 and nobody's child).</summary>
    private sealed class Trie
    {
        private Trie(int capacity, int literals)
        {
            FirstChild = new int[capacity];
            Sibling = new int[capacity];
            Label = new byte[capacity];
            OwnHead = new int[capacity];
            OwnNext = new int[literals];
            Array.Fill(OwnHead, -1);
        }

        public int Count { get; private set; } = 1;

        public int[] FirstChild { get; }

        public int[] Sibling { get; }

        public byte[] Label { get; }

        /// <summary>Per state, the first literal ending there; <see cref="OwnNext"/> links the others.</summary>
        public int[] OwnHead { get; }

        public int[] OwnNext { get; }

        public static Trie Of(byte[][] words, bool[] accepted)
        {
            var trie = new Trie(words.Sum(w => w.Length) + 1, words.Length);
            for (var i = 0; i < words.Length; i++)
            {
                if (!accepted[i])
                {
                    continue;
                }
                var state = 0;
                foreach (var k in words[i])
                {
                    state = trie.Child(state, k);
                }
                trie.OwnNext[i] = trie.OwnHead[state];
                trie.OwnHead[state] = i;
            }
            return trie;
        }

        public int OwnCount(int state)
        {
            var count = 0;
            for (var i = OwnHead[state]; i >= 0; i = OwnNext[i])
            {
                count++;
            }
            return count;
        }

        private int Child(int state, byte k)
        {
            for (var child = FirstChild[state]; child > 0; child = Sibling[child])
            {
                if (Label[child] == k)
                {
                    return child;
                }
            }
            var made = Count++;
            Label[made] = k;
            Sibling[made] = FirstChild[state];
            FirstChild[state] = made;
            return made;
        }
    }
}
