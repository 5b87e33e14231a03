using SigmaSharp.Validation.Conditions;
using SigmaSharp.Validation.Detection;
using SigmaSharp.Validation.Metadata;
using SigmaSharp.Validation.Tags;

namespace SigmaSharp.Validation;

/// <summary>Every validator of <c>sigma check</c>, in code order (<c>sigma list validators</c>).</summary>
public static class ValidatorRegistry
{
    public static IReadOnlyList<IRuleValidator> All { get; } = new IRuleValidator[]
    {
        new EscapedWildcardValidator(),
        new NumberAsStringValidator(),
        new SpecificLogSourceValidator(),
        new DoubleWildcardValidator(),
        new ControlCharacterValidator(),
        new WildcardsInsteadOfModifiersValidator(),
        new AllWithoutContainsValidator(),
        new AllSingleValueValidator(),
        new Base64OffsetWithoutContainsValidator(),
        new WindashWithAllValidator(),
        new InvalidRegexValidator(),
        new UnsupportedRegexValidator(),
        new PlaceholderWithoutExpandValidator(),
        new DuplicateValueValidator(),
        new DuplicateDetectionItemValidator(),
        new FieldNameWhitespaceValidator(),
        new DanglingDetectionValidator(),
        new AllOfThemValidator(),
        new ThemWithSingleDetectionValidator(),
        new IdentifierExistenceValidator(),
        new IdentifierUniquenessValidator(),
        new InvalidIdentifierValidator(),
        new IdentifierUuidV4Validator(),
        new DuplicateTitleValidator(),
        new DuplicateReferencesValidator(),
        new DuplicateFilenameValidator(),
        new FilenameLengthValidator(),
        new FilenameConventionValidator(),
        new CustomAttributesValidator(),
        new InvalidDateValidator(),
        new DateFormatValidator(),
        new ModifiedBeforeDateValidator(),
        new DateInFutureValidator(),
        new RelatedIdentifierValidator(),
        new TitleLengthValidator(),
        new TitleCaseValidator(),
        new MissingDescriptionValidator(),
        new MissingFalsePositivesValidator(),
        new MissingLevelValidator(),
        new MissingStatusValidator(),
        new MissingDateValidator(),
        new MissingAuthorValidator(),
        new FalsePositivesValueValidator(),
        new ReferenceUrlValidator(),
        new AttackReferenceValidator(),
        new GithubBranchReferenceValidator(),
        new LogSourceCustomAttributeValidator(),
        new TagFormatValidator(),
        new NamespaceTagValidator(),
        new DuplicateTagValidator(),
        new AttackTagValidator(),
        new AttackTagNewerValidator(),
        new AttackTagRevokedValidator(),
        new D3fendTagValidator(),
        new TlpTagValidator(),
        new CarTagValidator(),
        new CveTagValidator(),
        new DetectionTagValidator(),
        new StpTagValidator(),
    }.OrderBy(v => v.Code, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a validator by code (SIG250) or name (escaped-wildcard), case-insensitively.</summary>
    public static IRuleValidator? Find(string codeOrName) =>
        All.FirstOrDefault(v => string.Equals(v.Code, codeOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(v.Name, codeOrName, StringComparison.OrdinalIgnoreCase));
}
