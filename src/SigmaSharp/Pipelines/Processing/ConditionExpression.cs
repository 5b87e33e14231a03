namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// A boolean combination of processing conditions: pySigma's <c>*_cond_op</c> lists (all/any), <c>*_cond_not</c>,
/// and <c>*_cond_expr</c> expressions over named conditions all become this tree.
/// </summary>
internal abstract record ConditionExpression<T>
{
    public abstract bool Evaluate(Func<T, bool> match);
}

internal sealed record ConditionLeaf<T>(T Condition) : ConditionExpression<T>
{
    public override bool Evaluate(Func<T, bool> match) => match(Condition);
}

internal sealed record ConditionAll<T>(IReadOnlyList<ConditionExpression<T>> Items) : ConditionExpression<T>
{
    public override bool Evaluate(Func<T, bool> match) => Items.All(i => i.Evaluate(match));
}

internal sealed record ConditionAny<T>(IReadOnlyList<ConditionExpression<T>> Items) : ConditionExpression<T>
{
    public override bool Evaluate(Func<T, bool> match) => Items.Any(i => i.Evaluate(match));
}

internal sealed record ConditionNegation<T>(ConditionExpression<T> Item) : ConditionExpression<T>
{
    public override bool Evaluate(Func<T, bool> match) => !Item.Evaluate(match);
}
