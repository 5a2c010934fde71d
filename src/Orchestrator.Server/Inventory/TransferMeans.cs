namespace Orchestrator.Server.Inventory;

/// <summary>How a data flow travels today.</summary>
public enum TransferMeans
{
    /// <summary>住民が紙を持参: the resident carries the paper.</summary>
    ResidentCarried,
    /// <summary>郵送.</summary>
    Post,
    Fax,
    /// <summary>LGWAN メール (the local-government network's mail).</summary>
    LgwanMail,
    /// <summary>住基ネット.</summary>
    JukiNet,
    /// <summary>システム連携: a system interface.</summary>
    SystemInterface,
}
