namespace SigmaSharp.Pipelines.Processing;

/// <summary>
/// A boolean combination of processing conditions: pySigma's <c>*_cond_op</c> lists (all/any), <c>*_cond_not</c>,
/// and <c>*_cond_expr</c> expressions over named conditions all become this tree.
/// </summary>
/// <remarks>Evaluated for every item of every rule, so it takes the subject as an argument instead of a closure.</remarks>
internal abstract record ConditionExpression<T>
{
    /// <param name="subject">The rule, detection item or field name (null for a keyword item) the conditions test.</param>
    public abstract bool Evaluate(object? subject, ProcessingContext context);
}

/// <summary>A condition that can be tested on one kind of subject (rule, detection item, field name).</summary>
internal interface IProcessingCondition
{
    bool Holds(object? subject, ProcessingContext context);
}

internal sealed record ConditionLeaf<T>(T Condition) : ConditionExpression<T>
    where T : IProcessingCondition
{
    public override bool Evaluate(object? subject, ProcessingContext context) => Condition.Holds(subject, context);
}

internal sealed record ConditionAll<T>(IReadOnlyList<ConditionExpression<T>> Items) : ConditionExpression<T>
{
    public override bool Evaluate(object? subject, ProcessingContext context)
    {
        foreach (var item in Items)
        {
            if (!item.Evaluate(subject, context))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed record ConditionAny<T>(IReadOnlyList<ConditionExpression<T>> Items) : ConditionExpression<T>
{
    public override bool Evaluate(object? subject, ProcessingContext context)
    {
        foreach (var item in Items)
        {
            if (item.Evaluate(subject, context))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed record ConditionNegation<T>(ConditionExpression<T> Item) : ConditionExpression<T>
{
    public override bool Evaluate(object? subject, ProcessingContext context) => !Item.Evaluate(subject, context);
}
