package dcl.registry.domain.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical CRM model a new tenant starts with; admins replace or extend any entity. Each field
 * is {@code name:type:description}.
 */
public final class DefaultCrmModel {
    private DefaultCrmModel() {}

    public static CanonicalSchema schema() {
        return new CanonicalSchema(
                List.of(
                        entity(
                                "account",
                                "A company or organisation the business deals with.",
                                "id:string:Unique identifier of the account in the source system",
                                "name:string:Legal or display name of the company",
                                "industry:string:Industry or sector the company operates in",
                                "website:string:Company website URL",
                                "phone:string:Main phone number of the company",
                                "annual_revenue:number:Yearly revenue of the company",
                                "employees:number:Number of employees",
                                "billing_street:string:Street of the billing address",
                                "billing_city:string:City of the billing address",
                                "billing_state:string:State or region of the billing address",
                                "billing_postal_code:string:Postal or ZIP code of the billing"
                                        + " address",
                                "billing_country:string:Country of the billing address",
                                "description:string:Free-text description of the account",
                                "owner_id:string:User who owns the account",
                                "created_at:datetime:When the account was created",
                                "updated_at:datetime:When the account was last modified"),
                        entity(
                                "contact",
                                "A person, usually working for an account.",
                                "id:string:Unique identifier of the contact",
                                "first_name:string:Given name of the person",
                                "last_name:string:Family name or surname of the person",
                                "full_name:string:Complete name of the person",
                                "email:string:Email address of the person",
                                "phone:string:Phone number of the person",
                                "mobile_phone:string:Mobile or cell phone number",
                                "title:string:Job title or position",
                                "account_id:string:Account (company) the person belongs to",
                                "mailing_city:string:City of the mailing address",
                                "mailing_country:string:Country of the mailing address",
                                "owner_id:string:User who owns the contact",
                                "created_at:datetime:When the contact was created",
                                "updated_at:datetime:When the contact was last modified"),
                        entity(
                                "opportunity",
                                "A potential deal or sale.",
                                "id:string:Unique identifier of the opportunity or deal",
                                "name:string:Name or title of the deal",
                                "amount:number:Monetary value of the deal",
                                "currency:string:Currency of the amount",
                                "stage:string:Sales stage or pipeline stage of the deal",
                                "probability:number:Likelihood of winning the deal, in percent",
                                "close_date:date:Expected or actual date the deal closes",
                                "account_id:string:Account the deal is with",
                                "owner_id:string:User who owns the deal",
                                "type:string:Kind of deal, e.g. new business or renewal",
                                "lead_source:string:Where the deal came from",
                                "is_closed:boolean:Whether the deal is closed",
                                "is_won:boolean:Whether the deal was won",
                                "created_at:datetime:When the deal was created",
                                "updated_at:datetime:When the deal was last modified"),
                        entity(
                                "lead",
                                "A prospect not yet qualified into a contact or opportunity.",
                                "id:string:Unique identifier of the lead",
                                "first_name:string:Given name of the prospect",
                                "last_name:string:Family name of the prospect",
                                "email:string:Email address of the prospect",
                                "phone:string:Phone number of the prospect",
                                "company:string:Company the prospect works for",
                                "title:string:Job title of the prospect",
                                "status:string:Qualification status of the lead",
                                "source:string:Channel or campaign the lead came from",
                                "owner_id:string:User who owns the lead",
                                "created_at:datetime:When the lead was created"),
                        entity(
                                "ticket",
                                "A support case or request.",
                                "id:string:Unique identifier of the ticket or case",
                                "subject:string:Short summary of the request",
                                "description:string:Full text of the request",
                                "status:string:Current status, e.g. open or closed",
                                "priority:string:Urgency of the ticket",
                                "type:string:Category of the ticket",
                                "requester_id:string:Contact who raised the ticket",
                                "assignee_id:string:User working on the ticket",
                                "account_id:string:Account the ticket belongs to",
                                "created_at:datetime:When the ticket was opened",
                                "closed_at:datetime:When the ticket was closed"),
                        entity(
                                "user",
                                "A member of the business's own team using the CRM.",
                                "id:string:Unique identifier of the user",
                                "name:string:Full name of the user",
                                "email:string:Email address of the user",
                                "role:string:Role or profile of the user",
                                "is_active:boolean:Whether the user is active",
                                "created_at:datetime:When the user was created"),
                        entity(
                                "product",
                                "Something the business sells.",
                                "id:string:Unique identifier of the product",
                                "name:string:Name of the product",
                                "sku:string:Stock keeping unit or product code",
                                "description:string:Description of the product",
                                "price:number:Unit list price",
                                "currency:string:Currency of the price",
                                "is_active:boolean:Whether the product can be sold"),
                        entity(
                                "order",
                                "A confirmed purchase by a customer.",
                                "id:string:Unique identifier of the order",
                                "number:string:Human-readable order number",
                                "account_id:string:Customer account that placed the order",
                                "status:string:Fulfilment status of the order",
                                "total:number:Total amount of the order",
                                "currency:string:Currency of the total",
                                "ordered_at:datetime:When the order was placed",
                                "created_at:datetime:When the order was created"),
                        entity(
                                "invoice",
                                "A bill sent to a customer.",
                                "id:string:Unique identifier of the invoice",
                                "number:string:Invoice number",
                                "account_id:string:Customer account billed",
                                "order_id:string:Order the invoice bills",
                                "amount:number:Total amount due",
                                "currency:string:Currency of the amount",
                                "status:string:Payment status of the invoice",
                                "due_date:date:Date the payment is due",
                                "issued_at:date:Date the invoice was issued"),
                        entity(
                                "activity",
                                "An interaction: call, email, meeting or task.",
                                "id:string:Unique identifier of the activity",
                                "type:string:Kind of activity: call, email, meeting, task",
                                "subject:string:Subject or title of the activity",
                                "description:string:Notes about the activity",
                                "due_at:datetime:When the activity is due or scheduled",
                                "completed_at:datetime:When the activity was done",
                                "contact_id:string:Person the activity involves",
                                "account_id:string:Account the activity relates to",
                                "owner_id:string:User who owns the activity",
                                "created_at:datetime:When the activity was created")));
    }

    private static CanonicalEntity entity(String name, String description, String... fields) {
        List<CanonicalFieldDefinition> definitions = new ArrayList<>();
        for (String field : fields) {
            String[] parts = field.split(":", 3);
            definitions.add(
                    new CanonicalFieldDefinition(
                            parts[0], Optional.of(parts[1]), Optional.of(parts[2])));
        }
        return new CanonicalEntity(name, Optional.of(description), definitions);
    }
}
