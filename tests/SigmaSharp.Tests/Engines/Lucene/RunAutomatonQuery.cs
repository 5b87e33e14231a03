using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace SigmaSharp.Tests.Engines.Lucene;

/// <summary>
/// A wildcard or regexp query that tests each term of the field with Lucene's own automaton for the pattern
/// (<see cref="WildcardQuery.ToAutomaton"/>, <see cref="RegExp"/>), run as a <see cref="CharacterRunAutomaton"/>.
/// It selects exactly the terms <see cref="WildcardQuery"/> and <see cref="RegexpQuery"/> select; what it skips is
/// their <see cref="CompiledAutomaton"/> (a UTF-8 automaton to intersect with the term dictionary), which Lucene.Net 4.8
/// takes about a second to build for a 100-character <c>*value*</c>. The proof's indexes hold a few hundred terms, so
/// visiting each term costs nothing, and the run then spends its time on the rules, not on dictionary acceleration.
/// </summary>
internal sealed class RunAutomatonQuery : MultiTermQuery
{
    private readonly string _pattern;
    private readonly CharacterRunAutomaton _automaton;

    private RunAutomatonQuery(string field, string pattern, Automaton automaton)
        : base(field)
    {
        _pattern = pattern;
        _automaton = new CharacterRunAutomaton(automaton);
    }

    /// <summary>As <c>new WildcardQuery(new Term(field, pattern))</c>: <c>*</c>, <c>?</c> and <c>\</c> escapes.</summary>
    public static RunAutomatonQuery Wildcard(string field, string pattern) =>
        new(field, pattern, WildcardQuery.ToAutomaton(new Term(field, pattern)));

    /// <summary>As <c>new RegexpQuery(new Term(field, pattern))</c>: Lucene's regular expression syntax, all features.</summary>
    public static RunAutomatonQuery Regexp(string field, string pattern) =>
        new(field, "/" + pattern + "/", new RegExp(pattern, RegExpSyntax.ALL).ToAutomaton());

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new Accepting(terms.GetEnumerator(), _automaton);

    public override string ToString(string field) => (field == Field ? string.Empty : Field + ":") + _pattern;

    public override bool Equals(object? obj) => obj is RunAutomatonQuery other && base.Equals(other) && other._pattern == _pattern;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), _pattern);

    private sealed class Accepting(TermsEnum terms, CharacterRunAutomaton automaton) : FilteredTermsEnum(terms, startWithSeek: false)
    {
        protected override AcceptStatus Accept(BytesRef term) => automaton.Run(term.Utf8ToString()) ? AcceptStatus.YES : AcceptStatus.NO;
    }
}
